// Package styles holds every colour and text style of the program in one place. Colours
// are fixed ANSI colours (no adaptive colours: querying the terminal's background can leak
// its answer into the input, tui-notes B10) and all chrome is ASCII (borders + - |).
package styles

import "github.com/charmbracelet/lipgloss"

// Palette: basic ANSI colours, readable on black and on white consoles alike.
var (
	colAccent = lipgloss.Color("4") // blue
	colOK     = lipgloss.Color("2") // green
	colWarn   = lipgloss.Color("3") // yellow
	colError  = lipgloss.Color("1") // red
	colDim    = lipgloss.Color("8") // grey
	colBarFg  = lipgloss.Color("15")
	colBarBg  = lipgloss.Color("4")
)

// Styles. Apply them to text already fitted to its width: none of them sets a width,
// padding or border, so they never change how many cells a line takes.
var (
	Plain     = lipgloss.NewStyle()
	Bold      = lipgloss.NewStyle().Bold(true)
	Dim       = lipgloss.NewStyle().Foreground(colDim)
	Accent    = lipgloss.NewStyle().Foreground(colAccent).Bold(true)
	OK        = lipgloss.NewStyle().Foreground(colOK)
	Warn      = lipgloss.NewStyle().Foreground(colWarn)
	Error     = lipgloss.NewStyle().Foreground(colError).Bold(true)
	Selected  = lipgloss.NewStyle().Reverse(true)
	Header    = lipgloss.NewStyle().Bold(true).Underline(false)
	TabActive = lipgloss.NewStyle().Reverse(true).Bold(true)
	TabIdle   = lipgloss.NewStyle()
	Bar       = lipgloss.NewStyle().Foreground(colBarFg).Background(colBarBg)
	Cursor    = lipgloss.NewStyle().Reverse(true)
	Focused   = lipgloss.NewStyle().Bold(true).Foreground(colAccent)
	Key       = lipgloss.NewStyle().Bold(true)
)

// Border is the ASCII box border: box-drawing characters are ambiguous-width and break on
// Chinese Windows consoles.
var Border = lipgloss.Border{
	Top: "-", Bottom: "-", Left: "|", Right: "|",
	TopLeft: "+", TopRight: "+", BottomLeft: "+", BottomRight: "+",
	MiddleLeft: "+", MiddleRight: "+", Middle: "+", MiddleTop: "+", MiddleBottom: "+",
}

// Separator joins items in one line (help keys, filters).
const Separator = " | "
