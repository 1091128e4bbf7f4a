// Runs the Go webhook verification sample (copied beside this file) against the shared
// vectors named by VINSNAP_VECTORS.
package vinsnapwebhook

import (
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"testing"
	"time"
)

type vector struct {
	Name    string            `json:"name"`
	Secret  string            `json:"secret"`
	Body    string            `json:"body"`
	Headers map[string]string `json:"headers"`
	Now     int64             `json:"now"`
	Expect  struct {
		Valid     bool   `json:"valid"`
		EventType string `json:"event_type"`
		Error     string `json:"error"`
	} `json:"expect"`
}

func TestVectors(t *testing.T) {
	raw, err := os.ReadFile(os.Getenv("VINSNAP_VECTORS"))
	if err != nil {
		t.Fatal(err)
	}
	var vectors struct {
		Verification []vector `json:"verification"`
	}
	if err := json.Unmarshal(raw, &vectors); err != nil {
		t.Fatal(err)
	}
	if len(vectors.Verification) == 0 {
		t.Fatal("no vectors")
	}
	for _, v := range vectors.Verification {
		t.Run(v.Name, func(t *testing.T) {
			header := http.Header{}
			for name, value := range v.Headers {
				header.Set(name, value)
			}
			event, err := Verify([]byte(v.Body), header, v.Secret, time.Unix(v.Now, 0))
			var verr *VerificationError
			switch {
			case v.Expect.Valid && err != nil:
				t.Fatalf("expected valid %s, got %v", v.Expect.EventType, err)
			case v.Expect.Valid && event.Type != v.Expect.EventType:
				t.Fatalf("expected %s, got %s", v.Expect.EventType, event.Type)
			case !v.Expect.Valid && !errors.As(err, &verr):
				t.Fatalf("expected error %s, got %v", v.Expect.Error, err)
			case !v.Expect.Valid && verr.Kind != v.Expect.Error:
				t.Fatalf("expected error %s, got %s", v.Expect.Error, verr.Kind)
			}
		})
	}
}
