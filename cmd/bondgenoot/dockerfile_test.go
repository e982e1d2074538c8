package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// instruction is one Dockerfile instruction: its keyword and the rest.
type instruction struct {
	cmd, args string
	line      int
}

// stage is the instructions from one FROM to the next.
type stage struct {
	from, name string
	ins        []instruction
}

func (s stage) all(cmd string) []instruction {
	var out []instruction
	for _, in := range s.ins {
		if in.cmd == cmd {
			out = append(out, in)
		}
	}
	return out
}

// parseDockerfile splits a Dockerfile into stages, joining continued lines
// and dropping comments.
func parseDockerfile(t *testing.T, data string) []stage {
	t.Helper()
	var stages []stage
	var cur strings.Builder
	start := 0
	flush := func() {
		text := strings.TrimSpace(cur.String())
		cur.Reset()
		if text == "" {
			return
		}
		cmd, args, _ := strings.Cut(text, " ")
		in := instruction{cmd: strings.ToUpper(cmd), args: strings.TrimSpace(args), line: start}
		if in.cmd == "FROM" {
			f := strings.Fields(in.args)
			st := stage{from: f[0]}
			if len(f) == 3 && strings.EqualFold(f[1], "AS") {
				st.name = f[2]
			}
			stages = append(stages, st)
			return
		}
		if len(stages) == 0 {
			t.Fatalf("Dockerfile:%d: %s before the first FROM", in.line, in.cmd)
		}
		stages[len(stages)-1].ins = append(stages[len(stages)-1].ins, in)
	}
	for i, line := range strings.Split(data, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "#") {
			continue
		}
		if cur.Len() == 0 {
			start = i + 1
		}
		if strings.HasSuffix(trimmed, "\\") {
			cur.WriteString(strings.TrimSuffix(trimmed, "\\") + " ")
			continue
		}
		cur.WriteString(trimmed)
		flush()
	}
	flush()
	return stages
}

// execForm reads a JSON array argument (CMD ["a", "b"]).
func execForm(t *testing.T, in instruction, s string) []string {
	t.Helper()
	var out []string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		t.Fatalf("Dockerfile:%d: %s is not in exec form (a JSON list): %q", in.line, in.cmd, s)
	}
	return out
}

// envOf collects the ENV of a stage (KEY=VALUE pairs).
func envOf(s stage) map[string]string {
	env := map[string]string{}
	for _, in := range s.all("ENV") {
		for _, kv := range strings.Fields(in.args) {
			if k, v, ok := strings.Cut(kv, "="); ok {
				env[k] = v
			}
		}
	}
	return env
}

// The Dockerfile's shape, as far as it can be checked without Docker.
func TestDockerfile(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	stages := parseDockerfile(t, string(data))
	if len(stages) < 2 {
		t.Fatalf("%d stages, want a multi-stage build", len(stages))
	}
	build, run := stages[0], stages[len(stages)-1]

	// Build: a golang image at least as new as go.mod's go line, without cgo.
	gomod, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	goLine := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(gomod)
	if goLine == nil {
		t.Fatal("go.mod has no go line")
	}
	if want := "golang:" + string(goLine[1]); !strings.HasPrefix(build.from, want) {
		t.Errorf("build stage FROM %s, want %s (go.mod says go %s)", build.from, want, goLine[1])
	}
	if build.name == "" {
		t.Error("the build stage has no name (FROM … AS build)")
	}
	cgoOff := envOf(build)["CGO_ENABLED"] == "0"
	var builds []instruction
	for _, in := range build.all("RUN") {
		if strings.Contains(in.args, "go build") {
			builds = append(builds, in)
			cgoOff = cgoOff || strings.Contains(in.args, "CGO_ENABLED=0")
		}
	}
	if len(builds) == 0 || !strings.Contains(builds[0].args, "./cmd/bondgenoot") {
		t.Error("the build stage does not go build ./cmd/bondgenoot")
	}
	if !cgoOff {
		t.Error("the build stage does not set CGO_ENABLED=0")
	}
	for _, in := range build.all("COPY") {
		if strings.Fields(in.args)[0] == "." {
			t.Errorf("Dockerfile:%d: COPY . would put .env (the token) into the build", in.line)
		}
	}

	// Run: distroless static, the binary from the build stage, as nonroot.
	if !strings.HasPrefix(run.from, "gcr.io/distroless/static") {
		t.Errorf("run stage FROM %s, want gcr.io/distroless/static", run.from)
	}
	var binary string
	for _, in := range run.all("COPY") {
		if strings.Contains(in.args, "--from="+build.name) && strings.Contains(in.args, "/out/bondgenoot ") {
			f := strings.Fields(in.args)
			binary = f[len(f)-1]
		}
	}
	if binary == "" {
		t.Fatal("the run stage does not copy the binary from the build stage")
	}
	users := run.all("USER")
	if len(users) == 0 {
		t.Error("the run stage has no USER")
	} else if u := users[len(users)-1].args; u != "nonroot" && !strings.HasPrefix(u, "nonroot:") {
		t.Errorf("USER %s, want nonroot", u)
	}

	entry := run.all("ENTRYPOINT")
	if len(entry) != 1 || !slices.Equal(execForm(t, entry[0], entry[0].args), []string{binary}) {
		t.Errorf("ENTRYPOINT = %v, want [%q]", entry, binary)
	}
	hc := run.all("HEALTHCHECK")
	if len(hc) != 1 {
		t.Fatalf("%d HEALTHCHECKs in the run stage, want 1", len(hc))
	}
	_, cmd, ok := strings.Cut(hc[0].args, "CMD ")
	if !ok || !slices.Equal(execForm(t, hc[0], strings.TrimSpace(cmd)), []string{binary, "gezond"}) {
		t.Errorf("HEALTHCHECK %q, want CMD [%q, \"gezond\"]", hc[0].args, binary)
	}

	env := envOf(run)
	if env["DATA_DIR"] != "/data" {
		t.Errorf("DATA_DIR = %q, want /data", env["DATA_DIR"])
	}
	if _, ok := healthURL(env["HEALTH_ADDR"]); !ok {
		t.Errorf("HEALTH_ADDR = %q, want an address gezond can ask", env["HEALTH_ADDR"])
	}
	vols := run.all("VOLUME")
	if len(vols) != 1 || !slices.Contains(execForm(t, vols[0], vols[0].args), "/data") {
		t.Errorf("VOLUME = %v, want [\"/data\"]", vols)
	}
}

// compose.yaml: a restart policy, the volume on /data and an env file.
func TestComposeExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "compose.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") {
			lines = append(lines, t)
		}
	}
	has := func(re string) bool {
		r := regexp.MustCompile(re)
		return slices.ContainsFunc(lines, r.MatchString)
	}
	for _, want := range []struct{ what, re string }{
		{"a restart policy", `^restart: (unless-stopped|always|on-failure)$`},
		{"an env file", `^env_file: \S+`},
		{"a named volume on /data", `^- [a-z0-9-]+:/data$`},
		{"DATA_DIR on the volume", `^DATA_DIR: /data$`},
		{"the volume declared", `^volumes:$`},
	} {
		if !has(want.re) {
			t.Errorf("compose.yaml lacks %s (%s)", want.what, want.re)
		}
	}
}
