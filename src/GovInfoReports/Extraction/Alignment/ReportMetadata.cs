using System;
using System.Collections.Generic;

namespace GovInfoReports.Extraction;

/// <summary>
/// Finds the report year and the agency name in the text before the tables: the title's, else the year most named.
/// Every line is compared by its key (<see cref="ReportText.KeySpan"/>) with the words of <see cref="ReportWording"/>.
/// </summary>
internal sealed class ReportMetadata
{
    /// <summary>A title is at most this many lines (a web page's title block; more is the report's prose).</summary>
    private const int MaxTitleLines = 6;

    /// <summary>A title line is at most this long (a longer line is prose).</summary>
    private const int MaxTitleLineLength = 60;

    /// <summary>Only the start of a long line is read (a paragraph's year is near its start, and a title is short).</summary>
    private const int ScannedLineLength = 400;

    /// <summary>An agency's name has at least this many characters.</summary>
    private const int MinAgencyLength = 2;

    private readonly ReportWording _wording;
    private readonly List<string> _titleLines = new();
    private readonly YearCounts _years = new();
    private string _title = "";
    private bool _inTitle = true;

    private ReportMetadata(ReportWording wording) => _wording = wording;

    public static void Find(string text, ReportWording wording, out int? year, out string? agency)
    {
        var metadata = new ReportMetadata(wording);
        metadata.ReadLines(text);
        metadata.Result(out year, out agency);
    }

    private void ReadLines(string text)
    {
        int position = 0;
        while (position < text.Length)
        {
            int end = text.AsSpan(position).IndexOfAny('\n', '\r');
            end = end < 0 ? text.Length : position + end;
            var line = text.AsSpan(position, end - position);
            position = end + 1;
            if (line.Length > ScannedLineLength)
                line = line.Slice(0, ScannedLineLength);
            // The key is in a per-thread buffer: used here before anything else is normalised (title lines are copied).
            var key = ReportText.KeySpan(line);
            if (key.Length == 0)
                continue;
            if (TablesBegin(key))
                return;
            if (_inTitle)
            {
                ReadTitleLine(key);
                // The year a complete title names wins: the years the text names are counted only when it names none.
                if (!_inTitle && TitleNamesReport() && TitleYear() is not null)
                    return;
            }

            for (int at = 0; NextYear(key, ref at, out _) is var found && found > 0;)
                _years.Count(found);
        }
    }

    /// <summary>Whether the line with this key is in the statistical part (its tables have begun).</summary>
    private bool TablesBegin(ReadOnlySpan<char> key)
    {
        foreach (string word in _wording.TablesBeginWithin)
            if (key.IndexOf(word.AsSpan(), StringComparison.Ordinal) >= 0)
                return true;
        foreach (string word in _wording.TablesBeginAtLineStart)
            if (key.StartsWith(word.AsSpan(), StringComparison.Ordinal))
                return true;
        return false;
    }

    private void ReadTitleLine(ReadOnlySpan<char> key)
    {
        // A web page's breadcrumb (首页 > 政务公开 > 年度报告) is no part of the title.
        if (ContainsAny(key, _wording.ChromeWords))
            return;
        string line = key.ToString();
        string number = LabelForms.SplitNumber(line, out _);
        if (number.Length > 0 || line.Length > MaxTitleLineLength || line.IndexOf('。') >= 0 || _titleLines.Count >= MaxTitleLines)
        {
            _inTitle = false;
            return;
        }

        _titleLines.Add(line);
        _title += line;
        if (ContainsAny(_title.AsSpan(), _wording.TitleEnds))
            _inTitle = false;
    }

    private void Result(out int? year, out string? agency)
    {
        year = null;
        agency = null;
        if (TitleNamesReport())
        {
            string name = AgencyOf(AgencyTitle(), out year);
            agency = IsAgency(name) ? name : null;
        }

        year ??= _years.MostNamed();
    }

    private bool TitleNamesReport() => ContainsAny(_title.AsSpan(), _wording.NamesReport);

    /// <summary>The year the title names (of the lines the agency is read from).</summary>
    private int? TitleYear()
    {
        AgencyOf(AgencyTitle(), out int? year);
        return year;
    }

    /// <summary>
    /// The title lines the agency is read from: all of them, or the last one when it names an agency itself (text above
    /// it, such as a page's column name, 栏目导航, is no part of the title).
    /// </summary>
    private string AgencyTitle() =>
        _titleLines.Count > 1 && IsAgency(AgencyOf(_titleLines[_titleLines.Count - 1], out _)) ? _titleLines[_titleLines.Count - 1] : _title;

    /// <summary>
    /// Whether <paramref name="name"/> is the name of a government body: it ends as one does (the wording's agency
    /// endings: 人民政府, 局, 镇 …) and holds no prose punctuation. A fragment of prose (根据修订的《中华人民共和国) is none.
    /// </summary>
    private bool IsAgency(string name)
    {
        if (name.Length < MinAgencyLength || name.AsSpan().IndexOfAny(ProsePunctuation) >= 0)
            return false;
        foreach (string ending in _wording.AgencyEndings)
            if (name.Length > ending.Length && name.EndsWith(ending, StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <summary>Punctuation of sentences and quotations, in no agency's name (the key's forms and the full-width ones).</summary>
    private static readonly System.Buffers.SearchValues<char> ProsePunctuation = System.Buffers.SearchValues.Create("《》〈〉“”\"，,。；;：:！!？?");

    /// <summary>The agency part of a title (before its year and the words that end an agency's name), and the title's year.</summary>
    private string AgencyOf(string title, out int? year)
    {
        year = null;
        int yearEnd = 0;
        int found = NextYear(title.AsSpan(), ref yearEnd, out int yearStart);
        int cut = title.Length;
        if (found > 0)
        {
            year = found;
            cut = yearStart;
        }

        foreach (string stop in _wording.AgencyEndsBefore)
        {
            int at = title.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && at < cut)
                cut = at;
        }

        string name = title.Substring(0, cut);
        foreach (string leading in _wording.LeadingWords)
            if (name.StartsWith(leading, StringComparison.Ordinal))
                return name.Substring(leading.Length);
        return name;
    }

    /// <summary>
    /// The next year 2000–2099 written as four digits and a year suffix (<c>2020年</c>, not after a fifth digit) at or
    /// after <paramref name="at"/>, or 0; <paramref name="at"/> is then just past it, <paramref name="start"/> at its first digit.
    /// </summary>
    private int NextYear(ReadOnlySpan<char> key, ref int at, out int start)
    {
        for (int i = at; i + 4 < key.Length; i++)
        {
            if (key[i] != '2' || key[i + 1] != '0' || !IsDigit(key[i + 2]) || !IsDigit(key[i + 3]) || (i > 0 && IsDigit(key[i - 1])))
                continue;
            foreach (string suffix in _wording.YearSuffixes)
            {
                if (!key.Slice(i + 4).StartsWith(suffix.AsSpan(), StringComparison.Ordinal))
                    continue;
                start = i;
                at = i + 4 + suffix.Length;
                return 2000 + (key[i + 2] - '0') * 10 + (key[i + 3] - '0');
            }
        }

        start = -1;
        at = key.Length;
        return 0;
    }

    private static bool ContainsAny(ReadOnlySpan<char> text, string[] words)
    {
        foreach (string word in words)
            if (text.IndexOf(word.AsSpan(), StringComparison.Ordinal) >= 0)
                return true;
        return false;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    /// <summary>How often each year 2000–2099 is named, and in which order each was first named.</summary>
    private sealed class YearCounts
    {
        private readonly int[] _counts = new int[100];
        private readonly int[] _first = new int[100];
        private int _order;

        public void Count(int year)
        {
            int y = year - 2000;
            if (_counts[y]++ == 0)
                _first[y] = ++_order;
        }

        /// <summary>The year named most often; of those, the first named; null when none is.</summary>
        public int? MostNamed()
        {
            int best = -1;
            for (int y = 0; y < _counts.Length; y++)
                if (_counts[y] > 0 && (best < 0 || _counts[y] > _counts[best] || (_counts[y] == _counts[best] && _first[y] < _first[best])))
                    best = y;
            return best >= 0 ? 2000 + best : null;
        }
    }
}
