require 'json'
require 'openssl'

module VinSnapWebhook
  TOLERANCE_SECONDS = 300

  # kind: missing_header, bad_timestamp, too_old or no_matching_signature.
  class VerificationError < StandardError
    attr_reader :kind

    def initialize(kind, message)
      super(message)
      @kind = kind
    end
  end

  def self.header(headers, name)
    found = headers.find { |key, _| key.to_s.casecmp?(name) }
    raise VerificationError.new('missing_header', "#{name} is missing") unless found

    found[1].to_s
  end

  # Checks a delivery and returns its event. raw_body is the body exactly as received.
  def self.verify(raw_body, headers, secret, now: Time.now.to_i)
    timestamp = header(headers, 'X-VinSnap-Timestamp')
    signatures = header(headers, 'X-VinSnap-Signature')
    raise VerificationError.new('bad_timestamp', "#{timestamp} is not Unix seconds") unless timestamp.match?(/\A-?\d+\z/)
    raise VerificationError.new('too_old', 'timestamp outside the 300 s window') if (now - timestamp.to_i).abs > TOLERANCE_SECONDS

    expected = 'sha256=' + OpenSSL::HMAC.hexdigest('SHA256', secret, "#{timestamp}.#{raw_body}")
    # Several comma-separated values during the 24 h after a secret rotation.
    unless signatures.split(',').any? { |value| OpenSSL.secure_compare(expected, value.strip) }
      raise VerificationError.new('no_matching_signature', 'no signature matches the secret')
    end

    JSON.parse(raw_body)
  end
end

# In a Sinatra app:
#
#   post '/webhooks/vinsnap' do
#     event = VinSnapWebhook.verify(request.body.read, request.env.transform_keys { |k| k.sub(/^HTTP_/, '').tr('_', '-') },
#                                   ENV.fetch('VINSNAP_WEBHOOK_SECRET'))
#     status 204            # then queue the event; dedupe on X-VinSnap-Delivery
#   rescue VinSnapWebhook::VerificationError
#     status 400
#   end
