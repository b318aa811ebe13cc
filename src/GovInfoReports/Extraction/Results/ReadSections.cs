using System;
using System.Collections.Generic;
using GovInfoReports.Templates;

namespace GovInfoReports.Extraction;

/// <summary>The result stage's summaries: each section's completeness, and the findings in the order of the text.</summary>
internal static class ReadSections
{
    /// <summary>The sections' completeness, from the counts the matcher kept per table (the same as counting the statuses).</summary>
    public static IReadOnlyList<SectionExtraction> Of(TemplateMatcher matcher)
    {
        var vocabulary = matcher.Vocabulary;
        var sections = vocabulary.Template.Sections;
        var result = new SectionExtraction[sections.Count];
        for (int s = 0; s < sections.Count; s++)
        {
            int reported = 0, blank = 0, cells = 0;
            foreach (var table in sections[s].Tables)
            {
                int index = vocabulary.TableIndex(table);
                reported += matcher.Cells.TableReported(index);
                blank += matcher.Cells.TableBlank(index);
                cells += table.Cells.Count;
            }

            result[s] = new SectionExtraction(sections[s], reported, blank, cells - reported - blank);
        }

        return result;
    }

    /// <summary>The sections of <paramref name="template"/> with every cell missing (a read that found no table values).</summary>
    public static IReadOnlyList<SectionExtraction> AllMissing(ReportTemplate? template)
    {
        if (template is null)
            return Array.Empty<SectionExtraction>();
        var sections = template.Sections;
        var result = new SectionExtraction[sections.Count];
        for (int s = 0; s < sections.Count; s++)
        {
            int cells = 0;
            foreach (var table in sections[s].Tables)
                cells += table.Cells.Count;
            result[s] = new SectionExtraction(sections[s], 0, 0, cells);
        }

        return result;
    }

    /// <summary>The findings with a position in the order of the text (stable), then those without one.</summary>
    public static List<ExtractionFinding> InSourceOrder(List<ExtractionFinding> findings)
    {
        var located = new List<(ExtractionFinding Finding, int Order)>();
        var unlocated = new List<ExtractionFinding>();
        for (int i = 0; i < findings.Count; i++)
        {
            if (findings[i].Position is null)
                unlocated.Add(findings[i]);
            else
                located.Add((findings[i], i));
        }

        located.Sort(static (a, b) =>
        {
            int byPosition = a.Finding.Position!.Value.CompareTo(b.Finding.Position!.Value);
            return byPosition != 0 ? byPosition : a.Order.CompareTo(b.Order);
        });
        var result = new List<ExtractionFinding>(findings.Count);
        foreach (var item in located)
            result.Add(item.Finding);
        result.AddRange(unlocated);
        return result;
    }
}
