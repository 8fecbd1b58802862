package normalize

// homoglyphs maps letters that look like Latin letters, and Latin letters
// that compatibility decomposition leaves alone, to the plain Latin letters
// a reader sees. Keys are lower-case: case folding runs first, but upper-case
// forms whose folding is not their look-alike are listed too.
var homoglyphs = map[rune]string{
	// Cyrillic
	'а': "a", 'в': "b", 'е': "e", 'ё': "e", 'з': "3", 'к': "k", 'м': "m", 'н': "h", 'о': "o",
	'п': "n", 'р': "p", 'с': "c", 'т': "t", 'у': "y", 'х': "x", 'ь': "b", 'і': "i", 'ї': "i", 'ј': "j",
	'ѕ': "s", 'ԁ': "d", 'ԛ': "q", 'ԝ': "w", 'һ': "h", 'ӏ': "l", 'ɡ': "g", 'ү': "y", 'ѵ': "v",
	// Capitals whose lower case looks like another letter (Η, η).
	'Η': "h", 'Н': "h", 'В': "b", 'М': "m", 'Т': "t", 'К': "k", 'Р': "p", 'С': "c", 'Х': "x", 'А': "a",
	'Е': "e", 'О': "o", 'У': "y", 'Ѕ': "s", 'І': "i", 'Ј': "j", 'Α': "a", 'Β': "b", 'Ε': "e", 'Ζ': "z",
	'Ι': "i", 'Κ': "k", 'Μ': "m", 'Ν': "n", 'Ο': "o", 'Ρ': "p", 'Τ': "t", 'Υ': "y", 'Χ': "x",
	// Greek
	'α': "a", 'β': "b", 'γ': "y", 'ε': "e", 'η': "n", 'ι': "i", 'κ': "k", 'ν': "v", 'ο': "o", 'ρ': "p",
	'τ': "t", 'υ': "u", 'χ': "x", 'ω': "w", 'ς': "s", 'σ': "o", 'μ': "u", 'ϲ': "c", 'ϳ': "j",
	// Latin letters without a decomposition
	'ø': "o", 'đ': "d", 'ł': "l", 'ı': "i", 'ħ': "h", 'ŧ': "t", 'ƀ': "b", 'ɨ': "i", 'ʉ': "u",
	'œ': "oe", 'æ': "ae", 'ß': "ss", 'ẞ': "ss", 'ſ': "s", 'ɑ': "a", 'ɩ': "i", 'ɪ': "i", 'ʏ': "y", 'ᴀ': "a",
	'ʙ': "b", 'ᴄ': "c", 'ᴅ': "d", 'ᴇ': "e", 'ɢ': "g", 'ʜ': "h", 'ᴊ': "j", 'ᴋ': "k", 'ʟ': "l",
	'ᴍ': "m", 'ɴ': "n", 'ᴏ': "o", 'ᴘ': "p", 'ʀ': "r", 'ꜱ': "s", 'ᴛ': "t", 'ᴜ': "u", 'ᴠ': "v",
	'ᴡ': "w", 'ᴢ': "z",
	// Typographic apostrophes and quotes break words like their ASCII forms.
	'\u2019': "'", '\u2018': "'", '\u02bc': "'", '\u00b4': "'", '`': "'",
}
