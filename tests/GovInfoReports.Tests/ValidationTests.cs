using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using FsCheck.Fluent;
using GovInfoReports.Templates;
using GovInfoReports.Validation;
using Xunit;

namespace GovInfoReports.Tests;

/// <summary>The generated validators: properties over random reports, the samples, allocation, messages.</summary>
public sealed class ValidationTests
{
    public static TheoryData<string> TemplateIds => new() { "2019", "2021" };

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void A_consistent_report_has_no_error_and_breaking_any_cell_of_an_equation_is_caught_at_that_cell(string id)
    {
        var template = TemplateRegistry.Find(id)!;
        var equationCells = template.Rules
            .Where(r => r.Severity == Severity.Error && !r.IsCrossYear)
            .SelectMany(r => r.Instances)
            .Where(i => i.Assertion.Comparison == ComparisonOperator.Equal)
            .SelectMany(i => i.Cells)
            .Distinct()
            .ToList();
        Assert.True(equationCells.Count > 150, "E1–E4 cover the request and review tables");

        Reports.Check(Gen.Choose(0, int.MaxValue).Select(seed => ConsistentReports.Cells(template, new Random(seed))), cells =>
        {
            var report = template.CreateReport(cells);
            Assert.Empty(ReportValidator.Validate(report)); // every rule holds, warnings included
            foreach (var cell in equationCells)
            {
                var broken = (CellValue[])cells.Clone();
                broken[cell.Index] = CellValue.FromInt32((broken[cell.Index].ToInt32() ?? 0) + 1);
                var findings = ReportValidator.Validate(template.CreateReport(broken));
                Assert.Contains(findings, f => f.Severity == Severity.Error && f.Kind == FindingKind.Failed && f.Cells.Any(c => c.Cell == cell));
            }
        }, count: 30);
    }

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void The_compiled_validator_agrees_with_the_interpreter_on_random_reports(string id)
    {
        var template = TemplateRegistry.Find(id)!;
        var firstRule = template.Rules[0].Id;
        var optionSets = new[]
        {
            ValidationOptions.Default,
            new ValidationOptions { BlankCells = BlankCellHandling.SkipRule, Language = MessageLanguage.English },
            new ValidationOptions { Overrides = new Dictionary<string, RuleOverride> { ["E1"] = new(Severity.Info) } },
            new ValidationOptions { Overrides = new Dictionary<string, RuleOverride> { [firstRule] = new(Disabled: true) } },
        };
        Reports.Check(Reports.Report(template), report =>
        {
            foreach (var options in optionSets)
            {
                var compiled = ReportValidator.Validate(report, options).Select(Describe).ToList();
                var interpreted = ReportValidator.Interpret(report, options).Select(Describe).ToList();
                Assert.Equal(interpreted, compiled);
            }
        }, count: 100);
    }

    [Fact]
    public void The_per_instance_check_is_skipped_only_when_options_cannot_exclude_an_instance()
    {
        var report = new Report2021();
        bool Fast(ValidationOptions? options) => new ValidationRun(report, options).ChecksEveryActiveInstance;
        Assert.True(Fast(null));
        Assert.True(Fast(new ValidationOptions { Language = MessageLanguage.English }));
        Assert.True(Fast(new ValidationOptions { Overrides = new Dictionary<string, RuleOverride> { ["E1"] = new(Severity.Warning) } }));
        Assert.False(Fast(new ValidationOptions { Overrides = new Dictionary<string, RuleOverride> { ["E1"] = new(Disabled: true) } }));
        Assert.False(Fast(new ValidationOptions { BlankCells = BlankCellHandling.SkipRule }));
        var broken = report with { Applications = report.Applications with { NewlyReceived = new() { Total = 5 } } };
        var statuses = Report2021.Template.Cells.Select(c => broken.GetCell(c.Index).IsBlank ? CellStatus.Blank : CellStatus.Reported).ToArray();
        Assert.True(Fast(new ValidationOptions { Statuses = statuses }));
        var oneMissing = (CellStatus[])statuses.Clone();
        oneMissing[0] = CellStatus.Missing;
        Assert.False(Fast(new ValidationOptions { Statuses = oneMissing }));

        // The slow path (Begin per instance) gives the same answer as the fast one when nothing is excluded.
        Assert.Equal(
            broken.Validate().Select(Describe),
            broken.Validate(new ValidationOptions { Overrides = new Dictionary<string, RuleOverride> { ["no such rule"] = new(Disabled: true) } }).Select(Describe));
        Assert.NotEmpty(broken.Validate());
    }

    [Theory]
    [InlineData("2019-gucheng-hui-township")]
    [InlineData("2020-haiyuan-lijun-township")]
    [InlineData("2020-mianyang-town")]
    [InlineData("2020-shaxian-huyuan-township")]
    [InlineData("2021-wuyuan-hesheng-township")]
    public void The_samples_raise_no_false_error(string sample)
    {
        var (report, statuses) = TidyCsvTests.Sample(sample);
        Assert.DoesNotContain(ReportValidator.Validate(report), f => f.Severity == Severity.Error);

        // With the statuses extraction gives: the truncated table is not assessable, never failed.
        var findings = ReportValidator.Validate(report, new ValidationOptions { Statuses = statuses });
        Assert.DoesNotContain(findings, f => f.Kind == FindingKind.Failed && f.Severity == Severity.Error);
        if (sample == "2020-shaxian-huyuan-township")
            Assert.Equal(new[] { "E1", "E2", "E3", "E5.applications" }, findings.Select(f => f.RuleId).Order(StringComparer.Ordinal));
        else
            Assert.DoesNotContain(findings, f => f.Kind == FindingKind.NotAssessable);
    }

    [Fact]
    public void The_seed_001_report_shows_only_what_it_reports()
    {
        // 棉洋镇 2020 reports 21 规章 newly made but 0 published: plausible for W3 (published ≤ made), fine for W2.
        var (report, _) = TidyCsvTests.Sample("2020-mianyang-town");
        Assert.Empty(ReportValidator.Validate(report));
    }

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void Validating_a_valid_report_allocates_nothing(string id)
    {
        var template = TemplateRegistry.Find(id)!;
        var report = template.CreateReport(ConsistentReports.Cells(template, new Random(7)));
        Assert.Empty(ReportValidator.Validate(report));
        for (int i = 0; i < 100; i++)
            ReportValidator.Validate(report);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
            ReportValidator.Validate(report);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void E5_negative_values_built_in_code_are_errors_at_their_cell()
    {
        var report = new Report2019
        {
            Applications = new() { NewlyReceived = new() { Research = -2, Total = -2 }, Results = new() { Disclosed = new() { Research = -2, Total = -2 }, Total = new() { Research = -2, Total = -2 } } },
            ProactiveDisclosure = new() { Procurement = new() { CentralizedProcurement = new() { Amount = new Amount(-0.01m, AmountUnit.TenThousandYuan) } } },
        };
        var findings = report.Validate();
        var e5 = findings.Where(f => f.RuleId.StartsWith("E5.", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            new[] { "applications.newlyReceived.research", "applications.newlyReceived.total", "applications.results.disclosed.research", "applications.results.disclosed.total", "applications.results.total.research", "applications.results.total.total", "proactiveDisclosure.procurement.centralizedProcurement.amount" },
            e5.Select(f => f.Context!).Order(StringComparer.Ordinal));
        Assert.All(e5, f => Assert.Equal(Severity.Error, f.Severity));
        var amount = e5.Single(f => f.RuleId == "E5.procurement");
        Assert.Equal("/proactiveDisclosure/procurement/centralizedProcurement/amount", Assert.Single(amount.Cells).JsonPointer);
        Assert.Equal(new Interval(-150m, -50m), amount.Left); // −0.01 万元 = −100 元 ± 0.005 万元 (50 元)
        Assert.Empty(new Report2019 { ProactiveDisclosure = new() { Licensing = new() { AdministrativeLicensing = new() { PreviousItems = 9, Change = -4 } } } }.Validate());
    }

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void Every_E5_rule_holds_at_zero_and_fails_below_it_at_that_cell(string id)
    {
        var template = TemplateRegistry.Find(id)!;
        foreach (var rule in template.Rules.Where(r => r.Id.StartsWith("E5.", StringComparison.Ordinal)))
        {
            foreach (var instance in rule.Instances)
            {
                var cell = Assert.Single(instance.Cells);
                var cells = new CellValue[template.Cells.Count];
                cells[cell.Index] = cell.Kind == ValueKind.Amount ? CellValue.FromDecimal(0m, cell.Column.AmountUnit) : CellValue.FromInt32(0);
                Assert.DoesNotContain(template.CreateReport(cells).Template.Validate(template.CreateReport(cells)), f => f.RuleId == rule.Id);
                cells[cell.Index] = cell.Kind == ValueKind.Amount ? CellValue.FromDecimal(-1m, cell.Column.AmountUnit) : CellValue.FromInt32(-1);
                var finding = Assert.Single(ReportValidator.Validate(template.CreateReport(cells)), f => f.RuleId == rule.Id);
                Assert.Equal(cell.Path, finding.Context);
                Assert.Equal(cell, Assert.Single(finding.Cells).Cell);
            }
        }
    }

    [Fact]
    public void The_message_language_is_a_parameter_not_thread_state()
    {
        var report = new Report2021 { Reviews = new() { Reconsideration = new() { Upheld = 2, Total = 1 } } };
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            var zh = Assert.Single(report.Validate());
            Assert.Equal("行政复议行：总计应等于结果维持、结果纠正、其他结果与尚未审结之和：总计(1) ≠ 结果维持(2) + 结果纠正(空) + 其他结果(空) + 尚未审结(空)，差 -1", zh.Message);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            var en = Assert.Single(report.Validate(new ValidationOptions { Language = MessageLanguage.English }));
            Assert.Equal("row reviews.reconsideration: the total must be the sum of the outcomes: total(1) ≠ upheld(2) + corrected(blank) + otherOutcome(blank) + pending(blank), off by -1", en.Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public void Findings_carry_labels_ids_and_json_pointers_of_their_cells()
    {
        var report = new Report2021 { Applications = new() { NewlyReceived = new() { NaturalPerson = 12, Total = 12 }, CarriedOver = new() { NaturalPerson = 3, Total = 3 }, Results = new() { Disclosed = new() { NaturalPerson = 14, Total = 14 }, Total = new() { NaturalPerson = 14, Total = 14 } } } };
        var finding = report.Validate().First(f => f.Context == "naturalPerson");
        Assert.Equal("E1", finding.RuleId);
        Assert.Equal(15m, finding.Left.Mid);
        Assert.Equal(14m, finding.Right.Mid);
        Assert.Equal(1m, finding.Difference);
        var cell = finding.Cells[2];
        Assert.Equal(("2021", "applications", "results.total", "naturalPerson"), (cell.Template, cell.Section, cell.Row, cell.Column));
        Assert.Equal(("（七）总计", "自然人"), (cell.RowLabel, cell.ColumnLabel));
        Assert.Equal("/applications/results/total/naturalPerson", cell.JsonPointer);
        Assert.Equal("applications.carriedForward.naturalPerson", Assert.Single(finding.BlankCells).Cell.Path);
    }

    [Fact]
    public void Rules_are_data_on_the_template()
    {
        var e1 = Report2021.Template.FindRule("E1")!;
        Assert.Equal((RuleEach.Column, Severity.Error, RuleStatus.Active, 7), (e1.Each, e1.Severity, e1.Status, e1.Instances.Count));
        Assert.Equal("applications", e1.Scope);
        Assert.True(Report2021.Template.FindRule("X1")!.IsCrossYear);
        Assert.Equal(25, Report2021.Template.FindRule("E2")!.Instances.Count);
        Assert.Equal(23, Report2019.Template.FindRule("E2")!.Instances.Count);
        Assert.Equal(
            new[] { "E1", "E2", "E3", "E4", "E5.applications", "E5.enforcement", "E5.fees", "E5.licensing", "E5.procurement", "E5.regulatoryDocuments", "E5.reviews", "W1.enforcement", "W1.fees", "W1.licensing", "W2", "W3", "X1" },
            Report2019.Template.Rules.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(
            new[] { "E1", "E2", "E3", "E4", "E5.applications", "E5.enforcement", "E5.fees", "E5.licensing", "E5.regulatoryDocuments", "E5.reviews", "W4", "X1", "X2" },
            Report2021.Template.Rules.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    /// <summary>Everything a finding says, as one line (to compare the compiled validator with the interpreter).</summary>
    internal static string Describe(ValidationFinding f) =>
        string.Join(" | ", f.RuleId, f.Context, f.Kind, f.Severity, f.Left.ToString(), f.Right.ToString(), f.Message,
            string.Join(",", f.Cells.Select(c => (c.IsPrevious ? "previous." : "") + c.Cell.Path + "=" + c.Value)));
}
