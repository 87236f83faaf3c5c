package sheet

import (
	"bytes"
	"strings"
	"testing"
)

// TestCSVNeutralisesFormulasAfterControls: what Excel or WPS would run or a terminal
// would obey never reaches the file, however it is wrapped.
func TestCSVNeutralisesFormulasAfterControls(t *testing.T) {
	var out bytes.Buffer
	w, err := newCSV(&out)
	if err != nil {
		t.Fatal(err)
	}
	values := []any{"\r=1+1注入cr", "\t=1+1注入tab", "\n=1+1注入lf", " \x1b=cmd|' /C calc'!A0", "\u202e+1+2",
		"\x00@SUM(1+1)", "　－2+3", "王\x1b]52;c;cHduZWQ=\x07红", "注入丁\u202ecba", "正常文字", code("\x1b[31m110105194912310021")}
	if err := w.row(values); err != nil {
		t.Fatal(err)
	}
	if err := w.flush(); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, bad := range []string{"\x1b", "\x07", "\x00", "\u202e", "\r="} {
		if strings.Contains(text, bad) {
			t.Errorf("CSV carries %q: %q", bad, text)
		}
	}
	fields := strings.Split(strings.TrimSuffix(strings.TrimPrefix(text, "\ufeff"), "\r\n"), ",")
	for _, f := range fields[:7] {
		f = strings.Trim(f, `"`)
		if !strings.HasPrefix(f, "\t") {
			t.Errorf("formula not neutralised: %q", f)
		}
	}
	if fields[9] != "正常文字" {
		t.Errorf("plain text changed: %q", fields[9])
	}
}

func TestXLSXCellsCleaned(t *testing.T) {
	got := string(appendInlineString(nil, "注入丁\u202ecba\u200b\x1b[2J"))
	if strings.ContainsAny(got, "\u202e\u200b\x1b\ufffd") || !strings.Contains(got, "注入丁cba[2J") {
		t.Errorf("xlsx cell %q", got)
	}
}
