/* The "zh" FTS5 tokenizer: Chinese found by any substring, in either script.
 *
 * SQLite's unicode61 tokenizer makes a run of Chinese one token, so 老旧小区
 * finds nothing inside 对92个老旧小区进行改造; trigram finds nothing for a
 * two-character query (株洲, 医疗). This tokenizer indexes every position of
 * a run of Chinese as the bigram starting there plus, colocated, its single
 * character; the last character of a run has only its single character:
 *
 *     老旧小区  →  pos 0 {老旧, 老}  pos 1 {旧小, 旧}  pos 2 {小区, 小}  pos 3 {区}
 *
 * A query run of two or more characters becomes its bigrams at consecutive
 * positions (旧小区 → 旧小 小区), a phrase that matches exactly that character
 * sequence anywhere, even across jieba word boundaries; a one-character query
 * is its single character. Two-character queries, the commonest Chinese
 * words, read one short posting list.
 *
 * Every character is first folded: traditional to simplified through OpenCC's
 * character table (_zhtok_fold.h, generated from ingest.fold), full-width ASCII
 * to ASCII. Runs of ASCII letters and digits are one lower-cased word each
 * (2019年 → 2019 年; 厂BA → 厂 ba). Whitespace and punctuation only separate.
 *
 * Only struct declarations come from sqlite3.h: the module calls no sqlite3_*
 * function, so it never binds to a second copy of the library. The Python side
 * (ingest/zhfts.py) fetches the connection's fts5_api and passes it to
 * register().
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "_zhtok_fold.h"

#define N_PAIRS (sizeof ZH_FOLD_PAIRS / sizeof ZH_FOLD_PAIRS[0])

/* Folded value of every BMP code point, filled once at import: one load per
 * character while indexing ~200M characters. Astral sources are searched. */
static uint32_t *fold_bmp;

static void build_fold_table(void) {
    for (uint32_t c = 0; c < 0x10000; c++) {
        fold_bmp[c] = c;
    }
    for (size_t i = 0; i < N_PAIRS; i++) {
        if (ZH_FOLD_PAIRS[i][0] < 0x10000) {
            fold_bmp[ZH_FOLD_PAIRS[i][0]] = ZH_FOLD_PAIRS[i][1];
        }
    }
    /* Full-width ASCII (１２３ＡＢＣ，：) folds to ASCII, as ingest.fold does. */
    for (uint32_t c = 0xFF01; c <= 0xFF5E; c++) {
        fold_bmp[c] = c - 0xFEE0;
    }
}

static uint32_t fold(uint32_t c) {
    if (c < 0x10000) {
        return fold_bmp[c];
    }
    size_t lo = 0, hi = N_PAIRS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ZH_FOLD_PAIRS[mid][0] < c) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return (lo < N_PAIRS && ZH_FOLD_PAIRS[lo][0] == c) ? ZH_FOLD_PAIRS[lo][1] : c;
}

enum { SEP, WORD, HAN };

/* What a folded code point is to the tokenizer. Everything that is neither
 * ASCII nor listed punctuation/symbols counts as HAN: ideographs, 〇 in
 * 二〇一九, kana, Hangul, Roman numerals, ℃. */
static int classify(uint32_t c) {
    if (c < 0x80) {
        return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') ? WORD : SEP;
    }
    if (c <= 0xBF                          /* Latin-1 spaces, punctuation, · « ° */
        || (c >= 0x2000 && c <= 0x206F)    /* General punctuation: — … “ ” ‘ ’ */
        || (c >= 0x2190 && c <= 0x2BFF)    /* arrows, maths, box drawing, ● ■ ① */
        || (c >= 0x3000 && c <= 0x3004)    /* 　、。〃 */
        || (c >= 0x3008 && c <= 0x303F)    /* 《》「」【】〔〕 */
        || (c >= 0xFE10 && c <= 0xFE1F)    /* vertical forms */
        || (c >= 0xFE30 && c <= 0xFE6F)    /* CJK compatibility and small forms */
        || (c >= 0xFF00 && c <= 0xFF65)    /* full-width punctuation left after folding */
        || (c >= 0xFFE0 && c <= 0xFFFF)    /* ￥ ￡, specials, BOM-like */
        || c == 0xFEFF
        || (c >= 0x1F000 && c <= 0x1FAFF)) /* emoji, playing cards, mahjong */
    {
        return SEP;
    }
    return HAN;
}

/* One printed character: its folded code point and where it sits in the text. */
typedef struct {
    uint32_t cp;
    int cls;
    int start, end; /* byte offsets into the tokenized text */
} Char;

/* Decode the character at byte *pos, fold and classify it; 0 at end of text.
 * A byte that does not start valid UTF-8 is a one-byte separator. */
static int read_char(const unsigned char *s, int n, int *pos, Char *out) {
    int i = *pos;
    if (i >= n) {
        return 0;
    }
    uint32_t c = s[i];
    int len = 1;
    if (c >= 0xF0 && c <= 0xF4 && i + 3 < n) {
        c = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
        len = 4;
    } else if (c >= 0xE0 && c <= 0xEF && i + 2 < n) {
        c = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
        len = 3;
    } else if (c >= 0xC2 && c <= 0xDF && i + 1 < n) {
        c = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
        len = 2;
    } else if (c >= 0x80) {
        c = 0xFFFD;
    }
    out->cp = fold(c);
    out->cls = classify(out->cp);
    out->start = i;
    out->end = i + len;
    *pos = i + len;
    return 1;
}

static int put_utf8(char *buf, uint32_t c) {
    if (c < 0x80) {
        buf[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        buf[0] = (char)(0xC0 | (c >> 6));
        buf[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        buf[0] = (char)(0xE0 | (c >> 12));
        buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    buf[0] = (char)(0xF0 | (c >> 18));
    buf[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    buf[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    buf[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

typedef int (*TokenCallback)(void *ctx, int tflags, const char *token, int n, int start, int end);

/* Is there another token after the character that ended at byte *pos? */
static int token_follows(const unsigned char *s, int n, int pos, const Char *next) {
    Char c = *next;
    do {
        if (c.cls != SEP) {
            return 1;
        }
    } while (read_char(s, n, &pos, &c));
    return 0;
}

static int zh_tokenize(Fts5Tokenizer *unused, void *ctx, int flags, const char *text, int n,
                       TokenCallback emit) {
    (void)unused;
    const unsigned char *s = (const unsigned char *)text;
    const int query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    char gram[8];
    char small[128];
    char *word = small;
    int word_cap = (int)sizeof small;
    int rc = SQLITE_OK;
    int pos = 0;
    int run = 0; /* HAN characters before cur in its run */
    Char cur, next;
    int have = read_char(s, n, &pos, &cur);

    while (have && rc == SQLITE_OK) {
        if (cur.cls == SEP) {
            have = read_char(s, n, &pos, &cur);
            continue;
        }
        if (cur.cls == WORD) {
            int len = 0, start = cur.start, end = cur.end;
            for (; have && cur.cls == WORD; have = read_char(s, n, &pos, &cur)) {
                if (len == word_cap) {
                    /* A word is never longer in bytes than the text it came from. */
                    char *bigger = malloc((size_t)n);
                    if (bigger == NULL) {
                        rc = SQLITE_NOMEM;
                        break;
                    }
                    memcpy(bigger, word, (size_t)len);
                    word = bigger;
                    word_cap = n;
                }
                uint32_t c = cur.cp;
                word[len++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
                end = cur.end;
            }
            if (rc == SQLITE_OK) {
                rc = emit(ctx, 0, word, len, start, end);
            }
            continue;
        }
        /* cur is HAN */
        int have_next = read_char(s, n, &pos, &next);
        if (have_next && next.cls == HAN) {
            int len = put_utf8(gram, cur.cp);
            len += put_utf8(gram + len, next.cp);
            /* The bigram goes first: highlight() and snippet() take a position's
             * offsets from its first token, so a phrase ends at its last bigram's
             * second character (老旧小区 highlights whole, not 老旧小). */
            rc = emit(ctx, 0, gram, len, cur.start, next.end);
            if (rc == SQLITE_OK && !query) {
                rc = emit(ctx, FTS5_TOKEN_COLOCATED, gram, put_utf8(gram, cur.cp), cur.start,
                          cur.end);
            }
            run++;
        } else {
            /* Last character of a run. A document indexes it alone. A query run of
             * two or more characters is already covered by its bigrams, but when a
             * token follows in the same phrase (发展2019) the run must also take
             * this character's position, as it does in the document. */
            if (!query || run == 0 || (have_next && token_follows(s, n, pos, &next))) {
                rc = emit(ctx, 0, gram, put_utf8(gram, cur.cp), cur.start, cur.end);
            }
            run = 0;
        }
        cur = next;
        have = have_next;
    }
    if (word != small) {
        free(word);
    }
    return rc;
}

/* The tokenizer takes no options and keeps no state. */
static int zh_create(void *unused, const char **args, int nargs, Fts5Tokenizer **out) {
    (void)unused;
    (void)args;
    static int instance;
    if (nargs > 0) {
        return SQLITE_ERROR;
    }
    *out = (Fts5Tokenizer *)&instance;
    return SQLITE_OK;
}

static void zh_delete(Fts5Tokenizer *unused) { (void)unused; }

static fts5_tokenizer ZH_TOKENIZER = {zh_create, zh_delete, zh_tokenize};

PyDoc_STRVAR(register_doc,
             "register(fts5_api_address, name) -> bool\n\n"
             "Register the tokenizer under *name* with the fts5_api at that address.\n"
             "Returns False, doing nothing, when the connection already has *name*.");

static PyObject *py_register(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *address;
    const char *name;
    if (!PyArg_ParseTuple(args, "O!s", &PyLong_Type, &address, &name)) {
        return NULL;
    }
    fts5_api *api = PyLong_AsVoidPtr(address);
    if (api == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_ValueError, "fts5_api address is NULL");
        }
        return NULL;
    }
    void *context;
    fts5_tokenizer existing;
    if (api->xFindTokenizer(api, name, &context, &existing) == SQLITE_OK) {
        Py_RETURN_FALSE;
    }
    if (api->xCreateTokenizer(api, name, NULL, &ZH_TOKENIZER, NULL) != SQLITE_OK) {
        PyErr_Format(PyExc_RuntimeError, "fts5 refused to register tokenizer %s", name);
        return NULL;
    }
    Py_RETURN_TRUE;
}

static int collect(void *ctx, int tflags, const char *token, int n, int start, int end) {
    PyObject *item = Py_BuildValue("(s#Oii)", token, (Py_ssize_t)n,
                                   (tflags & FTS5_TOKEN_COLOCATED) ? Py_True : Py_False, start, end);
    if (item == NULL) {
        return SQLITE_NOMEM;
    }
    int failed = PyList_Append((PyObject *)ctx, item);
    Py_DECREF(item);
    return failed ? SQLITE_NOMEM : SQLITE_OK;
}

PyDoc_STRVAR(tokenize_doc,
             "tokenize(text, query=False) -> list[tuple[str, bool, int, int]]\n\n"
             "The tokens FTS5 gets for *text* as a document (or as a MATCH query):\n"
             "(token, colocated, start, end), offsets in bytes of the UTF-8 text.");

static PyObject *py_tokenize(PyObject *self, PyObject *args, PyObject *kwargs) {
    (void)self;
    static char *keywords[] = {"text", "query", NULL};
    const char *text;
    Py_ssize_t n;
    int query = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "s#|p", keywords, &text, &n, &query)) {
        return NULL;
    }
    if (n > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "text too long for FTS5");
        return NULL;
    }
    PyObject *tokens = PyList_New(0);
    if (tokens == NULL) {
        return NULL;
    }
    int flags = query ? FTS5_TOKENIZE_QUERY : FTS5_TOKENIZE_DOCUMENT;
    if (zh_tokenize(NULL, tokens, flags, text, (int)n, collect) != SQLITE_OK) {
        Py_DECREF(tokens);
        if (!PyErr_Occurred()) {
            PyErr_NoMemory();
        }
        return NULL;
    }
    return tokens;
}

static PyMethodDef methods[] = {
    {"register", py_register, METH_VARARGS, register_doc},
    {"tokenize", (PyCFunction)(void (*)(void))py_tokenize, METH_VARARGS | METH_KEYWORDS,
     tokenize_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_zhtok",
    .m_doc = "The zh FTS5 tokenizer (see ingest/zhfts.py).",
    .m_size = -1,
    .m_methods = methods,
};

PyMODINIT_FUNC PyInit__zhtok(void) {
    if (fold_bmp == NULL) {
        fold_bmp = PyMem_RawMalloc(0x10000 * sizeof *fold_bmp);
        if (fold_bmp == NULL) {
            return PyErr_NoMemory();
        }
        build_fold_table();
    }
    return PyModule_Create(&module);
}
