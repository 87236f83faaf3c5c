package keys

import tea "github.com/charmbracelet/bubbletea"

func runeKey(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
