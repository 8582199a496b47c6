package dev.radar.collect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A small lexer and bracket tree for Gradle build scripts in Groovy and Kotlin: strings ({@code '..'},
 * {@code ".."}, triple-quoted, with {@code ${}} interpolation that may nest strings and braces), comments,
 * Groovy slashy strings, numbers, identifiers (also Kotlin back-ticked ones), operators and newlines, then
 * nested groups for {@code ()}, {@code []} and {@code {}}. It does not evaluate anything; it is enough to
 * find blocks and statements without being fooled by braces in strings or declarations in comments.
 */
final class GradleSyntax {

    private GradleSyntax() {}

    enum Kind { IDENT, STRING, NUMBER, PUNCT, NEWLINE }

    /** A token or a bracket group. */
    sealed interface Node permits Token, Group {
        int line();

        int start();

        int end();
    }

    /**
     * One token; for strings {@code text} is the raw content between the quotes (escapes and
     * {@code ${}} left as written) and {@code interpolating} says whether {@code $} expands.
     */
    record Token(Kind kind, String text, int line, int start, int end, boolean interpolating) implements Node {
        boolean is(String s) {
            return (kind == Kind.IDENT || kind == Kind.PUNCT) && text.equals(s);
        }

        boolean ident() {
            return kind == Kind.IDENT;
        }
    }

    /** A bracketed group: {@code open} is one of {@code ( [ {}; {@code line} is the line of the opening bracket. */
    record Group(char open, List<Node> children, int line, int start, int end) implements Node {}

    /** Syntax the lexer could not follow (an unterminated string or comment, unbalanced brackets). */
    static final class SyntaxProblem {
        final int line;
        final String message;

        SyntaxProblem(int line, String message) {
            this.line = line;
            this.message = message;
        }
    }

    /** The tree of one script, with the problems met on the way (the tree is still usable). */
    record Parsed(List<Node> nodes, List<SyntaxProblem> problems) {}

    private static final String[] OPERATORS = {
        "==~", "?.", "?:", "->", "=~", "==", "!=", "&&", "||", "..", "::", "+=", "-=", "<=", ">=", "!!", "*.", "++", "--", "<<"
    };

    static Parsed parse(String text, boolean kotlin) {
        Lexer lexer = new Lexer(text, kotlin);
        List<Token> tokens = lexer.lex();
        List<SyntaxProblem> problems = new ArrayList<>(lexer.problems);
        return new Parsed(tree(tokens, text.length(), problems), problems);
    }

    /** Tokens only, for expressions inside {@code ${}}. */
    static List<Node> parseExpression(String text, boolean kotlin) {
        Lexer lexer = new Lexer(text, kotlin);
        return tree(lexer.lex(), text.length(), new ArrayList<>());
    }

    /** Deepest nesting of brackets turned into groups; deeper brackets stay plain tokens, so readers recurse boundedly. */
    static final int MAX_DEPTH = 200;

    private static List<Node> tree(List<Token> tokens, int length, List<SyntaxProblem> problems) {
        record Open(Token token, List<Node> children) {}
        Deque<Open> stack = new ArrayDeque<>();
        List<Node> top = new ArrayList<>();
        int[] open = new int[128]; // open groups by bracket character, so that a closing bracket is matched in O(1)
        int tooDeep = 0; // brackets past MAX_DEPTH, kept as tokens
        for (Token t : tokens) {
            List<Node> current = stack.isEmpty() ? top : stack.peek().children();
            if (t.kind() == Kind.PUNCT && (t.is("(") || t.is("[") || t.is("{"))) {
                if (stack.size() >= MAX_DEPTH) {
                    if (tooDeep++ == 0) {
                        problems.add(new SyntaxProblem(t.line(), "brackets nested deeper than " + MAX_DEPTH + " levels; the inner part is not read"));
                    }
                    current.add(t);
                    continue;
                }
                stack.push(new Open(t, new ArrayList<>()));
                open[t.text().charAt(0)]++;
            } else if (t.kind() == Kind.PUNCT && (t.is(")") || t.is("]") || t.is("}"))) {
                if (tooDeep > 0) {
                    tooDeep--;
                    current.add(t);
                    continue;
                }
                char wanted = t.text().equals(")") ? '(' : t.text().equals("]") ? '[' : '{';
                if (open[wanted] == 0) {
                    problems.add(new SyntaxProblem(t.line(), "unbalanced '" + t.text() + "'"));
                    continue;
                }
                while (true) {
                    Open o = stack.pop();
                    open[o.token().text().charAt(0)]--;
                    List<Node> parent = stack.isEmpty() ? top : stack.peek().children();
                    boolean done = o.token().text().charAt(0) == wanted;
                    if (!done) {
                        problems.add(new SyntaxProblem(o.token().line(), "unclosed '" + o.token().text() + "'"));
                    }
                    parent.add(new Group(o.token().text().charAt(0), o.children(), o.token().line(), o.token().start(),
                            done ? t.end() : t.start()));
                    if (done) {
                        break;
                    }
                }
            } else {
                current.add(t);
            }
        }
        while (!stack.isEmpty()) {
            Open o = stack.pop();
            problems.add(new SyntaxProblem(o.token().line(), "unclosed '" + o.token().text() + "'"));
            List<Node> parent = stack.isEmpty() ? top : stack.peek().children();
            parent.add(new Group(o.token().text().charAt(0), o.children(), o.token().line(), o.token().start(), length));
        }
        return top;
    }

    private static final class Lexer {
        private final String s;
        private final boolean kotlin;
        private final List<Token> out = new ArrayList<>();
        private final List<SyntaxProblem> problems = new ArrayList<>();
        private int i;
        private int line = 1;

        Lexer(String s, boolean kotlin) {
            this.s = s;
            this.kotlin = kotlin;
        }

        List<Token> lex() {
            int n = s.length();
            if (s.startsWith("#!")) {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            }
            while (i < n) {
                char c = s.charAt(i);
                int startLine = line;
                int start = i;
                if (c == '\n') {
                    out.add(new Token(Kind.NEWLINE, "\n", line, i, i + 1, false));
                    line++;
                    i++;
                } else if (Character.isWhitespace(c) || c == '\\' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    // a backslash before a newline continues a Groovy line; treat as blank
                    i++;
                } else if (c == '/' && peek(1) == '/') {
                    while (i < n && s.charAt(i) != '\n') {
                        i++;
                    }
                } else if (c == '/' && peek(1) == '*') {
                    blockComment();
                } else if (c == '"' || c == '\'') {
                    boolean triple = peek(1) == c && peek(2) == c;
                    String content = string(c, triple);
                    out.add(new Token(Kind.STRING, content, startLine, start, i, c == '"'));
                } else if (c == '/' && !kotlin && slashyAllowed()) {
                    int close = i + 1;
                    while (close < n && s.charAt(close) != '/' && s.charAt(close) != '\n') {
                        close += s.charAt(close) == '\\' ? 2 : 1;
                    }
                    close = close < n && s.charAt(close) == '/' ? close : -1;
                    int nl = s.indexOf('\n', i + 1);
                    if (close > i + 1 && (nl < 0 || close < nl)) {
                        String content = s.substring(i + 1, close);
                        i = close + 1;
                        out.add(new Token(Kind.STRING, content, startLine, start, i, false));
                    } else {
                        out.add(new Token(Kind.PUNCT, "/", line, i, i + 1, false));
                        i++;
                    }
                } else if (c == '`') {
                    int close = s.indexOf('`', i + 1);
                    int nl = s.indexOf('\n', i + 1);
                    if (close < 0 || nl >= 0 && nl < close) {
                        out.add(new Token(Kind.PUNCT, "`", line, i, i + 1, false));
                        i++;
                    } else {
                        out.add(new Token(Kind.IDENT, s.substring(i + 1, close), line, i, close + 1, false));
                        i = close + 1;
                    }
                } else if (Character.isJavaIdentifierStart(c)) {
                    while (i < n && Character.isJavaIdentifierPart(s.charAt(i)) && s.charAt(i) != '\u0000') {
                        i++;
                    }
                    out.add(new Token(Kind.IDENT, s.substring(start, i), line, start, i, false));
                } else if (Character.isDigit(c)) {
                    while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                            || s.charAt(i) == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                        i++;
                    }
                    out.add(new Token(Kind.NUMBER, s.substring(start, i), line, start, i, false));
                } else {
                    String op = String.valueOf(c);
                    for (String o : OPERATORS) {
                        if (s.startsWith(o, i)) {
                            op = o;
                            break;
                        }
                    }
                    i += op.length();
                    out.add(new Token(Kind.PUNCT, op, line, start, i, false));
                }
            }
            return out;
        }

        private char peek(int ahead) {
            return i + ahead < s.length() ? s.charAt(i + ahead) : '\0';
        }

        /** A Groovy slashy string can start where an operand is expected, never after an operand. */
        private boolean slashyAllowed() {
            char next = peek(1);
            if (next == '/' || next == '*' || next == ' ' || next == '=' || next == '\n') {
                return false;
            }
            for (int k = out.size() - 1; k >= 0; k--) {
                Token t = out.get(k);
                if (t.kind() == Kind.NEWLINE) {
                    return false;
                }
                return t.kind() == Kind.PUNCT && !t.is(")") && !t.is("]") && !t.is("}");
            }
            return false;
        }

        private void blockComment() {
            int depth = 0;
            int startLine = line;
            while (i < s.length()) {
                if (s.startsWith("/*", i)) {
                    depth = kotlin ? depth + 1 : 1;
                    i += 2;
                } else if (s.startsWith("*/", i)) {
                    depth--;
                    i += 2;
                    if (depth <= 0) {
                        return;
                    }
                } else {
                    if (s.charAt(i) == '\n') {
                        line++;
                    }
                    i++;
                }
            }
            problems.add(new SyntaxProblem(startLine, "unterminated comment"));
        }

        /** Scans a string starting at {@code i}; returns its raw content and leaves {@code i} after the closing quote. */
        private String string(char quote, boolean triple) {
            int startLine = line;
            int open = triple ? 3 : 1;
            i += open;
            int contentStart = i;
            boolean rawKotlin = kotlin && triple;
            boolean interpolating = quote == '"' || kotlin;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\' && !rawKotlin) {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        line++;
                    }
                    i += 2;
                } else if (c == '$' && interpolating && peek(1) == '{') {
                    interpolation();
                } else if (c == quote && (!triple || s.startsWith(String.valueOf(quote).repeat(3), i))) {
                    if (triple) {
                        // a raw string may end with extra quotes: """a"""" closes at the last three
                        while (i + 3 < s.length() && s.charAt(i + 3) == quote) {
                            i++;
                        }
                    }
                    String content = s.substring(contentStart, i);
                    i += open;
                    return content;
                } else if (c == '\n') {
                    if (!triple) {
                        break; // single-line strings end at the line end; report and resynchronise there
                    }
                    line++;
                    i++;
                } else {
                    i++;
                }
            }
            problems.add(new SyntaxProblem(startLine, "unterminated string"));
            return s.substring(contentStart, Math.min(i, s.length()));
        }

        /** Skips {@code ${ ... }} inside a string, with nested strings and braces. */
        private void interpolation() {
            i += 2;
            int depth = 1;
            while (i < s.length() && depth > 0) {
                char c = s.charAt(i);
                if (c == '{') {
                    depth++;
                    i++;
                } else if (c == '}') {
                    depth--;
                    i++;
                } else if (c == '"' || c == '\'') {
                    boolean triple = peek(1) == c && peek(2) == c;
                    string(c, triple);
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    i++;
                }
            }
        }
    }
}
