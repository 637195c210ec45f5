package rules

import (
	"os"
	"path/filepath"
	"testing"
)

// An overlay's layers, added to the defaults, are what Open gives.
func TestOverlayDocsWith(t *testing.T) {
	dir := t.TempDir()
	data := []byte("rules:\n")
	if err := os.WriteFile(filepath.Join(dir, "events.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	layers, err := OverlayDocs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(layers) != 1 || len(layers["events.yaml"]) != 1 || string(layers["events.yaml"][0].Data) != string(data) {
		t.Fatalf("layers = %v", layers)
	}
	opened, _ := Open(dir)
	with := Defaults().With(layers)
	for _, n := range opened.Names() {
		if len(with.Docs(n)) != len(opened.Docs(n)) {
			t.Errorf("%s: With gives %d layers, Open %d", n, len(with.Docs(n)), len(opened.Docs(n)))
		}
	}
}
