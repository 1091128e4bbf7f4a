package vinsnapwebhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

const toleranceSeconds = 300

// VerificationError's Kind is missing_header, bad_timestamp, too_old or no_matching_signature.
type VerificationError struct {
	Kind    string
	Message string
}

func (e *VerificationError) Error() string { return e.Kind + ": " + e.Message }

// Event is a delivery's body; Data holds the resource as the API returns it.
type Event struct {
	ID        string          `json:"id"`
	Type      string          `json:"type"`
	CreatedAt string          `json:"created_at"`
	Livemode  bool            `json:"livemode"`
	Data      json.RawMessage `json:"data"`
}

var unixSeconds = regexp.MustCompile(`^-?\d+$`)

// Verify checks a delivery and returns its event. rawBody is the body exactly as received;
// now is time.Now() (a fixed time when replaying a recorded delivery).
func Verify(rawBody []byte, header http.Header, secret string, now time.Time) (*Event, error) {
	timestamp := header.Get("X-VinSnap-Timestamp")
	signatures := header.Get("X-VinSnap-Signature")
	if timestamp == "" || signatures == "" {
		return nil, &VerificationError{"missing_header", "X-VinSnap-Timestamp or X-VinSnap-Signature is missing"}
	}
	if !unixSeconds.MatchString(timestamp) {
		return nil, &VerificationError{"bad_timestamp", fmt.Sprintf("%q is not Unix seconds", timestamp)}
	}
	ts, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return nil, &VerificationError{"bad_timestamp", err.Error()}
	}
	if age := now.Unix() - ts; age > toleranceSeconds || age < -toleranceSeconds {
		return nil, &VerificationError{"too_old", "timestamp outside the 300 s window"}
	}
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(timestamp + "."))
	mac.Write(rawBody)
	expected := []byte("sha256=" + hex.EncodeToString(mac.Sum(nil)))
	// Several comma-separated values during the 24 h after a secret rotation.
	for _, value := range strings.Split(signatures, ",") {
		if hmac.Equal(expected, []byte(strings.TrimSpace(value))) {
			var event Event
			if err := json.Unmarshal(rawBody, &event); err != nil {
				return nil, err
			}
			return &event, nil
		}
	}
	return nil, &VerificationError{"no_matching_signature", "no signature matches the secret"}
}

// In a net/http handler:
//
//	func receive(w http.ResponseWriter, r *http.Request) {
//		body, _ := io.ReadAll(r.Body)
//		event, err := Verify(body, r.Header, os.Getenv("VINSNAP_WEBHOOK_SECRET"), time.Now())
//		if err != nil {
//			w.WriteHeader(http.StatusBadRequest)
//			return
//		}
//		w.WriteHeader(http.StatusNoContent) // then queue event; dedupe on X-VinSnap-Delivery
//	}
