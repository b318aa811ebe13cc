using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using GovInfoReports.Generators;
using GovInfoReports.Generators.Model;
using GovInfoReports.Generators.Parsing;
using GovInfoReports.Serialization;
using GovInfoReports.Validation;

namespace GovInfoReports.Templates;

/// <summary>
/// A template read from a template file at run time: the descriptor the generator would emit for the file, built from
/// the same parser's model; its reports are <see cref="LoadedReport"/>s, validated by the rule interpreter and written
/// and read as JSON from the descriptor.
/// </summary>
internal sealed class LoadedTemplate : ReportTemplate
{
    private readonly LineMap _lines;

    internal LoadedTemplate(TemplateModel model, string path, LineMap lines, SourceSpan idSpan, SourceSpan typeNameSpan)
        : base(model.Id, model.TypeName, model.Title, model.Basis, model.FromYear, model.ToYear, model.Markers.ToArray(),
               model.Sections.Select(Section).ToArray(), model.Rules.Select(Rule).ToArray())
    {
        Revises = model.Revises;
        Fee = model.Fee is { } fee ? new FeeWording(fee.Subjects.ToArray(), fee.None.ToArray()) : null;
        Parts = model.Parts.Select(p => new ReportPart(p.Id, p.Heading, p.Aliases.ToArray(), p.Severity == RuleSeverityModel.Info ? Validation.Severity.Info : Validation.Severity.Warning)).ToArray();
        Narrative = model.Narrative.Select(f => new NarrativeFact(f.Id, f.Description, f.Severity == RuleSeverityModel.Info ? Validation.Severity.Info : Validation.Severity.Warning, f.Cells.ToArray(), f.Phrases.ToArray())).ToArray();
        SourcePath = path;
        _lines = lines;
        IdSpan = idSpan;
        TypeNameSpan = typeNameSpan;
    }

    /// <summary>The file the template was read from, as it was named.</summary>
    public string SourcePath { get; }

    internal SourceSpan IdSpan { get; }

    internal SourceSpan TypeNameSpan { get; }

    /// <summary>A diagnostic about this file found by comparing it with others (GIR015).</summary>
    internal TemplateFileDiagnostic Clash(DiagnosticDefinition definition, SourceSpan span, params object[] arguments) =>
        TemplateFile.Convert(definition, span, arguments, SourcePath, _lines);

    public override Type ReportType => typeof(LoadedReport);

    public override IReport ReadJson(ref Utf8JsonReader reader) => DescriptorJson.Read(ref reader, this);

    public override void WriteJson(Utf8JsonWriter writer, IReport report)
    {
        if (report is null)
            throw new ArgumentNullException(nameof(report));
        if (!ReferenceEquals(report.Template, this))
            throw new ArgumentException($"The report is not of template {Id}.", nameof(report));
        DescriptorJson.Write(writer, report);
    }

    protected override IReport CreateReportCore(ReadOnlySpan<CellValue> cells, int? year, string? agency)
    {
        // Each value as the cell holds it (a count as a whole number, an amount in the column's unit), as the
        // generated records do: a value that does not fit throws here, not later.
        var values = new CellValue[cells.Length];
        for (int i = 0; i < values.Length; i++)
            values[i] = Fit(Cells[i].Column, cells[i]);
        return new LoadedReport(this, values, year, agency);
    }

    internal static CellValue Fit(ColumnDescriptor column, CellValue value) => column.Kind switch
    {
        ValueKind.Count or ValueKind.SignedCount => CellValue.FromInt32(value.ToInt32()),
        _ when column.HasReportedUnit => CellValue.FromAmount(value.ToAmount()),
        _ => CellValue.FromDecimal(value.ToDecimal(column.AmountUnit), column.AmountUnit),
    };

    private static SectionDescriptor Section(SectionModel section) =>
        new(section.Id, section.Number, section.Heading, section.Tables.Select(Table).ToArray(), section.IsSingleTable, section.Aliases.ToArray());

    private static TableDescriptor Table(TableModel table) =>
        new(table.Id, table.Caption, table.Columns.Select(Column).ToArray(), table.Rows.Select(Row).ToArray(),
            table.Layout == TableLayoutModel.SingleRow ? TableLayout.SingleRow : TableLayout.Grid,
            table.Aliases.ToArray(), table.RowHeader, table.Note, table.ColumnsCaption);

    private static ColumnDescriptor Column(ColumnModel column) =>
        new(column.Id, column.Label, column.Kind switch
        {
            ValueKindModel.SignedCount => ValueKind.SignedCount,
            ValueKindModel.Amount => ValueKind.Amount,
            _ => ValueKind.Count,
        }, column.Unit, column.Group, column.Aliases.ToArray());

    private static RowDescriptor Row(RowModel row) =>
        new(row.Id, row.Label, row.Number, row.Aliases.ToArray(), row.IsGroup ? row.Children.Select(Row).ToArray() : null);

    private static RuleDescriptor Rule(RuleModel rule) =>
        new(rule.Id,
            rule.Severity switch { RuleSeverityModel.Warning => Severity.Warning, RuleSeverityModel.Info => Severity.Info, _ => Severity.Error },
            rule.Deprecated ? RuleStatus.Deprecated : RuleStatus.Active,
            rule.Each switch { RuleEachModel.Column => RuleEach.Column, RuleEachModel.Row => RuleEach.Row, RuleEachModel.Cell => RuleEach.Cell, _ => RuleEach.None },
            rule.Scope, rule.Assert, rule.When, rule.Tolerance is null ? null : Number(rule.Tolerance),
            rule.MessageZh, rule.MessageEn,
            rule.Instances.Select(i => new RuleInstance(i.Context, Comparison(i.Assertion), i.When is null ? null : Comparison(i.When))).ToArray());

    private static RuleComparison Comparison(ComparisonModel comparison) =>
        new(comparison.Left.Select(Term).ToArray(), comparison.Operator switch
        {
            ComparisonOperatorModel.Equal => ComparisonOperator.Equal,
            ComparisonOperatorModel.LessOrEqual => ComparisonOperator.LessOrEqual,
            ComparisonOperatorModel.GreaterOrEqual => ComparisonOperator.GreaterOrEqual,
            ComparisonOperatorModel.Less => ComparisonOperator.Less,
            _ => ComparisonOperator.Greater,
        }, comparison.Right.Select(Term).ToArray());

    private static RuleTerm Term(TermModel term) =>
        new(term.Negative, term.Text, term.Cells.Select(c => c.Path).ToArray(), term.Constant is null ? 0m : Number(term.Constant), term.Previous, term.IsSum);

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
