# Runs the Ruby webhook verification sample against the shared vectors.
# usage: ruby verify_vectors.rb SAMPLE.rb VECTORS.json
require 'json'
require File.expand_path(ARGV[0])

vectors = JSON.parse(File.read(ARGV[1], encoding: 'utf-8'))
passed = failed = 0
vectors['verification'].each do |v|
  expect = v['expect']
  begin
    event = VinSnapWebhook.verify(v['body'], v['headers'], v['secret'], now: v['now'])
    ok = expect['valid'] && event['type'] == expect['event_type']
    got = "valid #{event['type']}"
  rescue VinSnapWebhook::VerificationError => e
    ok = !expect['valid'] && e.kind == expect['error']
    got = "error #{e.kind}"
  end
  if ok
    passed += 1
  else
    failed += 1
    puts "FAIL #{v['name']}: expected #{expect}, got #{got}"
  end
end
puts "#{passed} passed, #{failed} failed"
exit(failed.positive? || passed.zero? ? 1 : 0)
