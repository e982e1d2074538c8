package fakediscord

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"time"
)

// Signer signs interactions as Discord does for an application's HTTP
// interactions endpoint: Ed25519 over the timestamp and the body, in the
// headers X-Signature-Ed25519 and X-Signature-Timestamp.
type Signer struct {
	private ed25519.PrivateKey
}

// NewSigner returns a signer whose key derives from seed, so that a test
// and a process it starts agree on it.
func NewSigner(seed string) *Signer {
	sum := sha256.Sum256([]byte("fakediscord/" + seed))
	return &Signer{private: ed25519.NewKeyFromSeed(sum[:])}
}

// PublicKey is the application's public key, hex, as the Developer Portal
// shows it (DISCORD_PUBLIC_KEY).
func (s *Signer) PublicKey() string {
	return hex.EncodeToString(s.private.Public().(ed25519.PublicKey))
}

// Sign returns the signature and timestamp headers for body sent at ts.
func (s *Signer) Sign(body []byte, ts time.Time) (signature, timestamp string) {
	timestamp = strconv.FormatInt(ts.Unix(), 10)
	msg := append([]byte(timestamp), body...)
	return hex.EncodeToString(ed25519.Sign(s.private, msg)), timestamp
}

// Request returns a POST of body to url, signed at ts.
func (s *Signer) Request(url string, body []byte, ts time.Time) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	sig, stamp := s.Sign(body, ts)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Ed25519", sig)
	req.Header.Set("X-Signature-Timestamp", stamp)
	return req, nil
}

// Post POSTs body to url signed now, as Discord delivers an interaction.
func (s *Signer) Post(client *http.Client, url string, body []byte) (*http.Response, error) {
	req, err := s.Request(url, body, time.Now())
	if err != nil {
		return nil, err
	}
	if client == nil {
		client = http.DefaultClient
	}
	return client.Do(req)
}
