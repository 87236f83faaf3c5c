package i18n

var (
	zh = map[Key]string{}
	en = map[Key]string{}
)

// add registers one message in both languages; each file of the catalogue calls it from
// init, so a message is always written with its translation beside it.
func add(key Key, zhText, enText string) {
	if _, dup := zh[key]; dup {
		panic("i18n: duplicate key " + string(key))
	}
	zh[key], en[key] = zhText, enText
}
