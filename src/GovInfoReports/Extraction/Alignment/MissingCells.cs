using System.Collections.Generic;
using GovInfoReports.Templates;

namespace GovInfoReports.Extraction;

/// <summary>Names the tables and rows of the chosen template whose cells are still missing and that no finding has explained.</summary>
internal static class MissingCells
{
    public static void Report(TemplateVocabulary vocabulary, CellSheet sheet, HashSet<RowDescriptor> seenRows, MatchFindings findings)
    {
        var tables = vocabulary.Template.Tables;
        var missing = new List<int>();
        for (int t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            var cells = vocabulary.TableCells(table);
            if (sheet.TableReported(t) + sheet.TableBlank(t) == cells.Length)
                continue; // every cell found: nothing missing
            if (!AnyFoundOrCovered(sheet, cells))
            {
                findings.TableNotFound(table, cells);
                continue;
            }

            foreach (var row in table.DataRows)
            {
                missing.Clear(); // the finding copies the cells it names
                foreach (int cell in vocabulary.RowCells(row))
                    if (sheet.IsMissing(cell) && !sheet.Covered[cell])
                        missing.Add(cell);
                if (missing.Count == 0)
                    continue;
                string label = table.Layout == TableLayout.SingleRow ? MatchFindings.Describe(table) + " / " + row.FullLabel : row.FullLabel;
                findings.RowNotFound(label, missing, labelSeen: seenRows.Contains(row));
            }
        }
    }

    private static bool AnyFoundOrCovered(CellSheet sheet, int[] cells)
    {
        foreach (int cell in cells)
            if (!sheet.IsMissing(cell) || sheet.Covered[cell])
                return true;
        return false;
    }
}
