using System.Collections.Generic;

namespace GovInfoReports.Generators.Parsing;

// The rule language's expressions:
//   comparison := sum ( "==" | "<=" | ">=" | "<" | ">" ) sum
//   sum        := [ "-" ] term { ( "+" | "-" ) term }
//   term       := number | "sum" "(" path "." "*" ")" | path
//   path       := name { "." name }          (may start with "previous." in cross-year rules; "this" under each: cell)
// Offsets are char offsets into the expression string, for diagnostics at the exact column.

internal sealed class RuleSyntaxException : System.Exception
{
    public RuleSyntaxException(int offset, int length, string message)
        : base(message)
    {
        Offset = offset;
        Length = length;
    }

    public int Offset { get; }

    public int Length { get; }
}

internal enum TermKind
{
    Number,
    Path,
    Sum,
}

internal sealed class TermSyntax
{
    public TermSyntax(bool negative, TermKind kind, string text, IReadOnlyList<string> segments, int offset, int length)
    {
        Negative = negative;
        Kind = kind;
        Text = text;
        Segments = segments;
        Offset = offset;
        Length = length;
    }

    public bool Negative { get; }

    public TermKind Kind { get; }

    /// <summary>The term as written (without its sign).</summary>
    public string Text { get; }

    /// <summary>The path's names (for Path and Sum; Sum's path without ".*").</summary>
    public IReadOnlyList<string> Segments { get; }

    public int Offset { get; }

    public int Length { get; }
}

internal sealed class ComparisonSyntax
{
    public ComparisonSyntax(List<TermSyntax> left, string op, List<TermSyntax> right)
    {
        Left = left;
        Operator = op;
        Right = right;
    }

    public List<TermSyntax> Left { get; }

    public string Operator { get; }

    public List<TermSyntax> Right { get; }
}

internal static class RuleExpression
{
    /// <summary>
    /// The most terms a rule may have (the templates' longest has about twenty): a rule is compiled into one C# expression
    /// per instance, and a file with 80,000 terms would hand the compiler a megabyte-long sum for every row it applies to.
    /// </summary>
    public const int MaxTerms = 1_000;

    public static ComparisonSyntax Parse(string text)
    {
        var parser = new Parser(text);
        return parser.ParseComparison();
    }

    private sealed class Parser
    {
        private readonly string _text;
        private int _pos;

        public Parser(string text) => _text = text;

        private int _terms;

        public ComparisonSyntax ParseComparison()
        {
            var left = ParseSum();
            SkipSpace();
            string? op = null;
            foreach (var candidate in new[] { "==", "<=", ">=", "<", ">" })
            {
                if (string.CompareOrdinal(_text, _pos, candidate, 0, candidate.Length) == 0)
                {
                    op = candidate;
                    break;
                }
            }

            if (op is null)
            {
                if (_pos < _text.Length && _text[_pos] == '=')
                    throw new RuleSyntaxException(_pos, 1, "'=' is not an operator; write '==' to compare");
                if (_pos < _text.Length && _text[_pos] == '!')
                    throw new RuleSyntaxException(_pos, 1, "'!=' is not supported; a rule states what must hold (==, <=, >=, <, >)");
                throw Expected("a comparison (==, <=, >=, <, >)");
            }

            _pos += op.Length;
            var right = ParseSum();
            SkipSpace();
            if (_pos < _text.Length)
                throw Expected(Describe(_pos) == "'+'" || Describe(_pos) == "'-'" ? "the end of the rule" : "'+', '-' or the end of the rule");
            return new ComparisonSyntax(left, op, right);
        }

        private List<TermSyntax> ParseSum()
        {
            var terms = new List<TermSyntax>();
            SkipSpace();
            bool negative = false;
            if (Peek() == '-')
            {
                negative = true;
                _pos++;
            }

            terms.Add(ParseTerm(negative));
            while (true)
            {
                SkipSpace();
                char c = Peek();
                if (c != '+' && c != '-')
                    return terms;
                _pos++;
                terms.Add(ParseTerm(c == '-'));
            }
        }

        private TermSyntax ParseTerm(bool negative)
        {
            SkipSpace();
            int start = _pos;
            if (++_terms > MaxTerms)
                throw new RuleSyntaxException(start, 0, "a rule may have at most " + MaxTerms + " terms; this one has more (split it into several rules)");
            char c = Peek();
            if (char.IsDigit(c))
            {
                while (char.IsDigit(Peek()))
                    _pos++;
                if (Peek() == '.')
                {
                    _pos++;
                    if (!char.IsDigit(Peek()))
                        throw Expected("a digit after the decimal point");
                    while (char.IsDigit(Peek()))
                        _pos++;
                }

                return new TermSyntax(negative, TermKind.Number, _text.Substring(start, _pos - start), new string[0], start, _pos - start);
            }

            if (!IsNameStart(c))
                throw Expected("a path, a number or sum(…)");
            var first = ReadName();
            SkipSpace();
            if (first == "sum" && Peek() == '(')
            {
                _pos++;
                SkipSpace();
                if (!IsNameStart(Peek()))
                    throw Expected("a path inside sum(…)");
                var segments = new List<string> { ReadName() };
                bool star = false;
                while (Peek() == '.')
                {
                    _pos++;
                    if (Peek() == '*')
                    {
                        _pos++;
                        star = true;
                        break;
                    }

                    if (!IsNameStart(Peek()))
                        throw Expected("a name or '*' after '.'");
                    segments.Add(ReadName());
                }

                if (!star)
                    throw Expected("'.*' (sum(path.*) adds up the children of path)");
                SkipSpace();
                if (Peek() != ')')
                    throw Expected("')'");
                _pos++;
                return new TermSyntax(negative, TermKind.Sum, _text.Substring(start, _pos - start), segments, start, _pos - start);
            }

            _pos = start + first.Length;
            var names = new List<string> { first };
            while (Peek() == '.')
            {
                _pos++;
                if (Peek() == '*')
                    throw new RuleSyntaxException(_pos, 1, "'*' is only allowed inside sum(…)");
                if (!IsNameStart(Peek()))
                    throw Expected("a name after '.'");
                names.Add(ReadName());
            }

            return new TermSyntax(negative, TermKind.Path, _text.Substring(start, _pos - start), names, start, _pos - start);
        }

        private string ReadName()
        {
            int start = _pos;
            while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_') && _text[_pos] < 128)
                _pos++;
            return _text.Substring(start, _pos - start);
        }

        private static bool IsNameStart(char c) => c < 128 && (char.IsLetter(c) || c == '_');

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void SkipSpace()
        {
            while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
                _pos++;
        }

        private string Describe(int pos) => pos >= _text.Length ? "the end of the rule" : "'" + _text[pos] + "'";

        private RuleSyntaxException Expected(string what) =>
            new(_pos, _pos < _text.Length ? 1 : 0, "expected " + what + " at column " + (_pos + 1) + ", found " + Describe(_pos));
    }
}
