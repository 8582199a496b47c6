package dev.radar.collect;

import java.util.ArrayList;
import java.util.List;

/**
 * A small reader for the HCL native syntax (Terraform {@code .tf} and {@code .terraform.lock.hcl} files):
 * blocks with labels, attributes, and of expressions only what dependency collection needs, namely
 * literal strings and object constructors ({@code { source = "hashicorp/aws", version = ">= 5.0" }}).
 * Everything else (references, function calls, tuples, templates, conditionals, for expressions) is
 * skipped as a balanced run of tokens. The lexer understands quoted strings with escapes and nested
 * {@code ${...}} interpolations, heredocs, and {@code #}, {@code //} and {@code /* *}{@code /} comments.
 */
final class Hcl {

    private Hcl() {}

    /** A syntax error at a 1-based line. */
    static final class HclException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        HclException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /** The value of an attribute or object entry. */
    sealed interface Expr permits Str, Obj, Other {
        int line();
    }

    /** A quoted string or heredoc; {@code template} when it holds an interpolation or directive. */
    record Str(String value, boolean template, int line) implements Expr {}

    /** An object constructor, entries in order. */
    record Obj(List<Attr> entries, int line) implements Expr {
        /** The first entry with this key, or null. */
        Attr get(String key) {
            return entries.stream().filter(a -> a.name().equals(key)).findFirst().orElse(null);
        }
    }

    /** Any other expression. */
    record Other(int line) implements Expr {}

    /** An attribute or object entry: {@code name = value}, at the line of its name. */
    record Attr(String name, int line, Expr value) {
        /** The value when it is a literal string without interpolation, else null. */
        String literal() {
            return value instanceof Str s && !s.template() ? s.value() : null;
        }
    }

    /** A block: {@code type "label" ... { body }}, at the line of its type keyword. */
    record Block(String type, List<String> labels, int line, Body body) {}

    /** The attributes and blocks of a file or block body, in order. */
    record Body(List<Attr> attributes, List<Block> blocks) {
        Attr attribute(String name) {
            return attributes.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
        }

        List<Block> blocks(String type) {
            return blocks.stream().filter(b -> b.type().equals(type)).toList();
        }
    }

    /** Parses a whole file. */
    static Body parse(String text) throws HclException {
        return new Parser(new Lexer(text).tokens()).file();
    }

    enum Kind { IDENT, STRING, NUMBER, LBRACE, RBRACE, LBRACK, RBRACK, LPAREN, RPAREN, EQ, COLON, COMMA, NEWLINE, OP, EOF }

    record Token(Kind kind, String text, boolean template, int line) {}

    /** Turns HCL text into tokens; comments vanish, line ends are tokens. */
    static final class Lexer {
        private final String s;
        private int i;
        private int line = 1;
        private final List<Token> out = new ArrayList<>();

        Lexer(String s) {
            this.s = s;
        }

        List<Token> tokens() throws HclException {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\n') {
                    add(Kind.NEWLINE, "\n", false);
                    line++;
                    i++;
                } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\uFEFF') {
                    i++;
                } else if (c == '#' || c == '/' && peek(1) == '/') {
                    while (i < s.length() && s.charAt(i) != '\n') {
                        i++;
                    }
                } else if (c == '/' && peek(1) == '*') {
                    int start = line;
                    int end = s.indexOf("*/", i + 2);
                    if (end < 0) {
                        throw new HclException(start, "unterminated /* comment");
                    }
                    countLines(i, end + 2);
                    i = end + 2;
                } else if (c == '"') {
                    string();
                } else if (c == '<' && peek(1) == '<' && heredoc()) {
                    // consumed
                } else if (Character.isLetter(c) || c == '_') {
                    int start = i;
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '-')) {
                        i++;
                    }
                    add(Kind.IDENT, s.substring(start, i), false);
                } else if (Character.isDigit(c)) {
                    int start = i;
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                        i++;
                    }
                    add(Kind.NUMBER, s.substring(start, i), false);
                } else {
                    punctuation(c);
                }
            }
            add(Kind.EOF, "", false);
            return out;
        }

        private void punctuation(char c) {
            Kind kind = switch (c) {
                case '{' -> Kind.LBRACE;
                case '}' -> Kind.RBRACE;
                case '[' -> Kind.LBRACK;
                case ']' -> Kind.RBRACK;
                case '(' -> Kind.LPAREN;
                case ')' -> Kind.RPAREN;
                case ',' -> Kind.COMMA;
                case ':' -> Kind.COLON;
                case '=' -> peek(1) == '=' || peek(1) == '>' ? Kind.OP : Kind.EQ;
                default -> Kind.OP;
            };
            if (kind == Kind.OP && (c == '=' || c == '!' || c == '<' || c == '>') && (peek(1) == '=' || c == '=' && peek(1) == '>')) {
                add(Kind.OP, s.substring(i, i + 2), false);
                i += 2;
                return;
            }
            add(kind, String.valueOf(c), false);
            i++;
        }

        /** A quoted template: escapes decoded, interpolations kept as written and flagged. */
        private void string() throws HclException {
            int startLine = line;
            StringBuilder value = new StringBuilder();
            boolean template = false;
            i++; // opening quote
            while (true) {
                if (i >= s.length() || s.charAt(i) == '\n') {
                    throw new HclException(startLine, "unterminated string");
                }
                char c = s.charAt(i);
                if (c == '"') {
                    i++;
                    break;
                }
                if (c == '\\') {
                    if (i + 1 >= s.length()) {
                        throw new HclException(startLine, "unterminated string");
                    }
                    char e = s.charAt(i + 1);
                    switch (e) {
                        case 'n' -> value.append('\n');
                        case 't' -> value.append('\t');
                        case 'r' -> value.append('\r');
                        case '"' -> value.append('"');
                        case '\\' -> value.append('\\');
                        case 'u', 'U' -> {
                            int len = e == 'u' ? 4 : 8;
                            if (i + 2 + len > s.length()) {
                                throw new HclException(startLine, "bad unicode escape in string");
                            }
                            try {
                                value.appendCodePoint(Integer.parseInt(s.substring(i + 2, i + 2 + len), 16));
                            } catch (IllegalArgumentException ex) {
                                throw new HclException(startLine, "bad unicode escape in string");
                            }
                            i += len;
                        }
                        default -> value.append('\\').append(e);
                    }
                    i += 2;
                } else if ((c == '$' || c == '%') && peek(1) == '{') {
                    if (peek(-1) == c && i > 0 && value.length() > 0 && value.charAt(value.length() - 1) == c) {
                        // "$${" and "%%{" are literal
                        value.append('{');
                        i += 2;
                        continue;
                    }
                    template = true;
                    int start = i;
                    i += 2;
                    skipInterpolation(startLine);
                    value.append(s, start, i);
                } else {
                    value.append(c);
                    i++;
                }
            }
            out.add(new Token(Kind.STRING, value.toString(), template, startLine));
        }

        /** Skips the inside of {@code ${ ... }} up to and including its closing brace, nested strings included. */
        private void skipInterpolation(int startLine) throws HclException {
            int depth = 1;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '"') {
                    int before = out.size();
                    string();
                    out.subList(before, out.size()).clear();
                    continue;
                }
                if (c == '\n') {
                    line++;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    i++;
                    return;
                }
                i++;
            }
            throw new HclException(startLine, "unterminated interpolation in string");
        }

        /** {@code <<EOF} or {@code <<-EOF} up to the line holding only the marker; false when not a heredoc. */
        private boolean heredoc() throws HclException {
            int j = i + 2;
            if (j < s.length() && s.charAt(j) == '-') {
                j++;
            }
            int nameStart = j;
            while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '-')) {
                j++;
            }
            if (j == nameStart) {
                return false;
            }
            String marker = s.substring(nameStart, j);
            int eol = j;
            while (eol < s.length() && (s.charAt(eol) == ' ' || s.charAt(eol) == '\t' || s.charAt(eol) == '\r')) {
                eol++;
            }
            if (eol < s.length() && s.charAt(eol) != '\n') {
                return false;
            }
            int startLine = line;
            int pos = eol + 1;
            StringBuilder value = new StringBuilder();
            while (pos <= s.length()) {
                int end = s.indexOf('\n', pos);
                String text = end < 0 ? s.substring(pos) : s.substring(pos, end);
                if (text.strip().equals(marker)) {
                    countLines(i, end < 0 ? s.length() : end);
                    i = end < 0 ? s.length() : end;
                    String body = value.toString();
                    out.add(new Token(Kind.STRING, body, body.contains("${") || body.contains("%{"), startLine));
                    return true;
                }
                value.append(text).append('\n');
                if (end < 0) {
                    break;
                }
                pos = end + 1;
            }
            throw new HclException(startLine, "heredoc <<" + marker + " is never closed");
        }

        private void countLines(int from, int to) {
            for (int k = from; k < to; k++) {
                if (s.charAt(k) == '\n') {
                    line++;
                }
            }
        }

        private char peek(int offset) {
            int k = i + offset;
            return k >= 0 && k < s.length() ? s.charAt(k) : '\0';
        }

        private void add(Kind kind, String text, boolean template) {
            out.add(new Token(kind, text, template, line));
        }
    }

    /** Builds bodies from tokens. */
    static final class Parser {
        /** Deepest nesting of blocks and objects read; the parser recurses once per level. */
        static final int MAX_DEPTH = 128;

        private final List<Token> tokens;
        private int p;
        private int depth;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Body file() throws HclException {
            return body(false);
        }

        private Body body(boolean nested) throws HclException {
            List<Attr> attributes = new ArrayList<>();
            List<Block> blocks = new ArrayList<>();
            while (true) {
                skipNewlines();
                Token t = peek();
                if (t.kind() == Kind.EOF) {
                    if (nested) {
                        throw new HclException(t.line(), "block is never closed");
                    }
                    return new Body(attributes, blocks);
                }
                if (t.kind() == Kind.RBRACE) {
                    if (!nested) {
                        throw new HclException(t.line(), "unexpected '}'");
                    }
                    return new Body(attributes, blocks);
                }
                if (t.kind() != Kind.IDENT) {
                    throw new HclException(t.line(), "expected an attribute or block name, found '" + t.text().strip() + "'");
                }
                next();
                if (peek().kind() == Kind.EQ) {
                    next();
                    attributes.add(new Attr(t.text(), t.line(), expression()));
                    endOfItem();
                    continue;
                }
                List<String> labels = new ArrayList<>();
                while (peek().kind() == Kind.STRING || peek().kind() == Kind.IDENT) {
                    labels.add(next().text());
                }
                Token open = next();
                if (open.kind() != Kind.LBRACE) {
                    throw new HclException(open.line(), "expected '=' or '{' after '" + t.text() + "'");
                }
                if (++depth > MAX_DEPTH) {
                    throw new HclException(open.line(), "blocks nested deeper than " + MAX_DEPTH + " levels");
                }
                Body inner = body(true);
                depth--;
                next(); // the closing brace
                blocks.add(new Block(t.text(), labels, t.line(), inner));
                endOfItem();
            }
        }

        private void endOfItem() throws HclException {
            Token t = peek();
            if (t.kind() == Kind.NEWLINE || t.kind() == Kind.EOF || t.kind() == Kind.RBRACE) {
                return;
            }
            throw new HclException(t.line(), "unexpected '" + t.text() + "' after an attribute or block");
        }

        /** An expression up to a line end, comma or closing bracket at its own nesting level. */
        private Expr expression() throws HclException {
            Token first = peek();
            Expr primary = null;
            if (first.kind() == Kind.LBRACE) {
                if (++depth > MAX_DEPTH) {
                    throw new HclException(first.line(), "objects nested deeper than " + MAX_DEPTH + " levels");
                }
                primary = object();
                depth--;
            } else if (first.kind() == Kind.STRING) {
                next();
                primary = new Str(first.text(), first.template(), first.line());
            }
            if (primary != null && ends(peek())) {
                return primary;
            }
            skipRest();
            return new Other(first.line());
        }

        private static boolean ends(Token t) {
            return switch (t.kind()) {
                case NEWLINE, EOF, COMMA, RBRACE, RBRACK, RPAREN -> true;
                default -> false;
            };
        }

        /** Skips tokens up to a terminator at nesting level zero. */
        private void skipRest() throws HclException {
            int depth = 0;
            while (true) {
                Token t = peek();
                switch (t.kind()) {
                    case EOF -> {
                        if (depth > 0) {
                            throw new HclException(t.line(), "bracket is never closed");
                        }
                        return;
                    }
                    case LBRACE, LBRACK, LPAREN -> depth++;
                    case RBRACE, RBRACK, RPAREN -> {
                        if (depth == 0) {
                            return;
                        }
                        depth--;
                    }
                    case NEWLINE, COMMA -> {
                        if (depth == 0) {
                            return;
                        }
                    }
                    default -> { }
                }
                next();
            }
        }

        /** An object constructor; a {@code for} expression becomes {@link Other}. */
        private Expr object() throws HclException {
            int openAt = p;
            Token open = next();
            skipNewlines();
            if (peek().kind() == Kind.IDENT && peek().text().equals("for")) {
                p = openAt; // back to the brace: skip the whole for expression as one balanced run
                skipRest();
                return new Other(open.line());
            }
            List<Attr> entries = new ArrayList<>();
            while (true) {
                while (peek().kind() == Kind.NEWLINE || peek().kind() == Kind.COMMA) {
                    next();
                }
                Token t = peek();
                if (t.kind() == Kind.RBRACE) {
                    next();
                    return new Obj(entries, open.line());
                }
                if (t.kind() == Kind.EOF) {
                    throw new HclException(open.line(), "object is never closed");
                }
                String key = null;
                if ((t.kind() == Kind.IDENT || t.kind() == Kind.STRING && !t.template())
                        && (peekAt(1).kind() == Kind.EQ || peekAt(1).kind() == Kind.COLON)) {
                    key = t.text();
                    next();
                } else {
                    skipKey();
                }
                Token sep = next();
                if (sep.kind() != Kind.EQ && sep.kind() != Kind.COLON) {
                    throw new HclException(sep.line(), "expected '=' in object, found '" + sep.text().strip() + "'");
                }
                Expr value = expression();
                if (key != null) {
                    entries.add(new Attr(key, t.line(), value));
                }
            }
        }

        /** Skips a computed object key such as {@code (var.name)} or {@code "${x}"} up to its '=' or ':'. */
        private void skipKey() throws HclException {
            int depth = 0;
            while (true) {
                Token t = peek();
                if (t.kind() == Kind.EOF) {
                    throw new HclException(t.line(), "object is never closed");
                }
                if (depth == 0 && (t.kind() == Kind.EQ || t.kind() == Kind.COLON)) {
                    return;
                }
                if (depth == 0 && (t.kind() == Kind.NEWLINE || t.kind() == Kind.RBRACE || t.kind() == Kind.COMMA)) {
                    throw new HclException(t.line(), "expected '=' in object");
                }
                if (t.kind() == Kind.LBRACE || t.kind() == Kind.LBRACK || t.kind() == Kind.LPAREN) {
                    depth++;
                } else if (t.kind() == Kind.RBRACE || t.kind() == Kind.RBRACK || t.kind() == Kind.RPAREN) {
                    depth--;
                }
                next();
            }
        }

        private void skipNewlines() {
            while (peek().kind() == Kind.NEWLINE) {
                p++;
            }
        }

        private Token peek() {
            return tokens.get(Math.min(p, tokens.size() - 1));
        }

        private Token peekAt(int offset) {
            return tokens.get(Math.min(p + offset, tokens.size() - 1));
        }

        private Token next() {
            Token t = peek();
            if (p < tokens.size() - 1) {
                p++;
            }
            return t;
        }
    }
}
