using System;
using System.Collections.Generic;
using System.Threading;
using GovInfoReports.Templates;

namespace GovInfoReports.Extraction;

/// <summary>
/// What a read needs of its candidate templates, made once per list of templates and wording (not per read) and shared
/// by all threads (it is immutable): their vocabularies, the order to match them in, each one's other vocabularies, and
/// which of each template's markers are foreign to each other template.
/// </summary>
internal sealed class ReadPlan
{
    // The last plan made: reads nearly always pass the same templates (the registry's, or the same option).
    private static ReadPlan? s_last;

    private readonly HashSet<string>[][] _foreignMarkers;

    private ReadPlan(IReadOnlyList<ReportTemplate> templates, ReportWording wording)
    {
        Wording = wording;
        Templates = new ReportTemplate[templates.Count];
        Vocabularies = new TemplateVocabulary[templates.Count];
        for (int i = 0; i < Templates.Length; i++)
        {
            Templates[i] = templates[i];
            Vocabularies[i] = TemplateVocabulary.For(templates[i], wording);
        }

        Order = RunOrder(Templates);
        Others = new TemplateVocabulary[Templates.Length][];
        _foreignMarkers = new HashSet<string>[Templates.Length][];
        for (int i = 0; i < Templates.Length; i++)
        {
            var others = new List<TemplateVocabulary>(Templates.Length - 1);
            _foreignMarkers[i] = new HashSet<string>[Templates.Length];
            for (int j = 0; j < Templates.Length; j++)
            {
                if (j != i)
                    others.Add(Vocabularies[j]);
                _foreignMarkers[i][j] = ForeignMarkers(Vocabularies[i], Vocabularies[j]);
            }

            Others[i] = others.ToArray();
        }
    }

    public ReportWording Wording { get; }

    public ReportTemplate[] Templates { get; }

    public TemplateVocabulary[] Vocabularies { get; }

    /// <summary>Template indexes by table count, then cell count, most first (ties in candidate order): the order to match them in.</summary>
    public int[] Order { get; }

    /// <summary>Per template: the vocabularies of the other candidates (whose headers are foreign to it).</summary>
    public TemplateVocabulary[][] Others { get; }

    /// <summary>The plan for <paramref name="templates"/> and <paramref name="wording"/>: the last one made when it has the same, in the same order.</summary>
    public static ReadPlan For(IReadOnlyList<ReportTemplate> templates, ReportWording wording)
    {
        var last = Volatile.Read(ref s_last);
        if (last is not null && last.Matches(templates, wording))
            return last;
        var plan = new ReadPlan(templates, wording);
        Volatile.Write(ref s_last, plan);
        return plan;
    }

    /// <summary>
    /// Whether marker <paramref name="marker"/> of template <paramref name="owner"/> shows that a text read as template
    /// <paramref name="reader"/> mixes in <paramref name="owner"/>'s format: it does unless <paramref name="reader"/>'s own
    /// wording has it (a template derived from another keeps most of its labels, which are no sign of mixing).
    /// </summary>
    public bool IsForeignMarker(int owner, int reader, string marker) => _foreignMarkers[owner][reader].Contains(marker);

    private static HashSet<string> ForeignMarkers(TemplateVocabulary owner, TemplateVocabulary reader)
    {
        var foreign = new HashSet<string>(StringComparer.Ordinal);
        if (ReferenceEquals(owner, reader))
            return foreign;
        foreach (string marker in owner.Markers)
            if (!reader.HasWording(marker))
                foreign.Add(marker);
        return foreign;
    }

    private bool Matches(IReadOnlyList<ReportTemplate> templates, ReportWording wording)
    {
        // Compared element by element (the caller's list may have changed since).
        if (!ReferenceEquals(wording, Wording) || templates.Count != Templates.Length)
            return false;
        for (int i = 0; i < Templates.Length; i++)
            if (!ReferenceEquals(templates[i], Templates[i]))
                return false;
        return true;
    }

    private static int[] RunOrder(ReportTemplate[] templates)
    {
        var order = new int[templates.Length];
        for (int i = 0; i < order.Length; i++)
            order[i] = i;
        // Insertion sort: stable, and there are a handful of templates.
        for (int i = 1; i < order.Length; i++)
        {
            int item = order[i], j = i - 1;
            while (j >= 0 && Before(templates[item], templates[order[j]]))
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = item;
        }

        return order;

        static bool Before(ReportTemplate a, ReportTemplate b) =>
            a.Tables.Count != b.Tables.Count ? a.Tables.Count > b.Tables.Count : a.Cells.Count > b.Cells.Count;
    }
}
