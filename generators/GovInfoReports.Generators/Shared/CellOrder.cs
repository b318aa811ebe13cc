using System;
using System.Collections.Generic;

namespace GovInfoReports.Shared;

/// <summary>
/// The order of a template's value cells, which is their index everywhere — the generated records' cell accessors, the
/// descriptor's <c>Cells</c>, JSON, CSV, extraction: sections in file order, each section's tables, each table's data
/// rows (the leaves of its row tree, depth first), and in each row the table's columns. This file is compiled into the
/// generator (over its models) and into the runtime (over its descriptors), so both number the cells from this one
/// definition.
/// </summary>
internal static class CellOrder
{
    /// <summary>One value cell in index order: its section, table, row path (from a top row down to the leaf) and column.</summary>
    public readonly struct Cell<TSection, TTable, TRow, TColumn>
    {
        public Cell(TSection section, TTable table, TRow[] rowPath, TColumn column)
        {
            Section = section;
            Table = table;
            RowPath = rowPath;
            Column = column;
        }

        public TSection Section { get; }

        public TTable Table { get; }

        /// <summary>The rows from the table's top level down to the cell's (data) row, which is the last.</summary>
        public TRow[] RowPath { get; }

        public TRow Row => RowPath[RowPath.Length - 1];

        public TColumn Column { get; }
    }

    /// <summary>The value cells of a template, in index order.</summary>
    public static IEnumerable<Cell<TSection, TTable, TRow, TColumn>> Cells<TSection, TTable, TRow, TColumn>(
        IEnumerable<TSection> sections,
        Func<TSection, IEnumerable<TTable>> tablesOf,
        Func<TTable, IEnumerable<TRow>> rowsOf,
        Func<TRow, IReadOnlyList<TRow>> childrenOf,
        Func<TTable, IEnumerable<TColumn>> columnsOf)
    {
        foreach (var section in sections)
            foreach (var table in tablesOf(section))
                foreach (var rowPath in DataRows(rowsOf(table), childrenOf))
                    foreach (var column in columnsOf(table))
                        yield return new Cell<TSection, TTable, TRow, TColumn>(section, table, rowPath, column);
    }

    /// <summary>The data rows of a row tree (its leaves, depth first), each with the rows above it.</summary>
    public static IEnumerable<TRow[]> DataRows<TRow>(IEnumerable<TRow> rows, Func<TRow, IReadOnlyList<TRow>> childrenOf)
    {
        var path = new List<TRow>();
        var result = new List<TRow[]>();
        Walk(rows, childrenOf, path, result);
        return result;
    }

    private static void Walk<TRow>(IEnumerable<TRow> rows, Func<TRow, IReadOnlyList<TRow>> childrenOf, List<TRow> path, List<TRow[]> result)
    {
        foreach (var row in rows)
        {
            path.Add(row);
            var children = childrenOf(row);
            if (children.Count == 0)
                result.Add(path.ToArray());
            else
                Walk(children, childrenOf, path, result);
            path.RemoveAt(path.Count - 1);
        }
    }
}
