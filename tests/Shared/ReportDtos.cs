// Plain DTOs with the shape of the report documents, as a user would write them by hand for
// System.Text.Json (reflection or its source generator). They prove the generated converters write
// ordinary JSON, and they are the baselines of the JSON benchmarks. Serialize them with camelCase names.
#nullable enable

namespace GovInfoReports.Dtos;

public sealed class ApplicantCounts
{
    public int? NaturalPerson { get; set; }
    public int? Commercial { get; set; }
    public int? Research { get; set; }
    public int? NonProfit { get; set; }
    public int? LegalServices { get; set; }
    public int? Other { get; set; }
    public int? Total { get; set; }
}

public sealed class WithheldCounts
{
    public ApplicantCounts StateSecret { get; set; } = new();
    public ApplicantCounts ProhibitedByLaw { get; set; } = new();
    public ApplicantCounts EndangersSafety { get; set; } = new();
    public ApplicantCounts ThirdPartyRights { get; set; } = new();
    public ApplicantCounts InternalAffairs { get; set; } = new();
    public ApplicantCounts ProcessInformation { get; set; } = new();
    public ApplicantCounts EnforcementFiles { get; set; } = new();
    public ApplicantCounts QueryMatters { get; set; } = new();
}

public sealed class UnableToProvideCounts
{
    public ApplicantCounts NotHeld { get; set; } = new();
    public ApplicantCounts NeedsCreation { get; set; } = new();
    public ApplicantCounts UnclearAfterCorrection { get; set; } = new();
}

public sealed class NotProcessedCounts
{
    public ApplicantCounts Complaints { get; set; } = new();
    public ApplicantCounts Repeated { get; set; } = new();
    public ApplicantCounts Publications { get; set; } = new();
    public ApplicantCounts Excessive { get; set; } = new();
    public ApplicantCounts Confirmation { get; set; } = new();
}

public sealed class ReviewCounts
{
    public int? Upheld { get; set; }
    public int? Corrected { get; set; }
    public int? OtherOutcome { get; set; }
    public int? Pending { get; set; }
    public int? Total { get; set; }
}

public sealed class LitigationCounts
{
    public ReviewCounts Direct { get; set; } = new();
    public ReviewCounts AfterReconsideration { get; set; } = new();
}

public sealed class Reviews
{
    public ReviewCounts Reconsideration { get; set; } = new();
    public LitigationCounts Litigation { get; set; } = new();
}

// ---- 2019 format ----

public sealed class Report2019Dto
{
    public string Template { get; set; } = "2019";
    public int? Year { get; set; }
    public string? Agency { get; set; }
    public ProactiveDisclosure2019 ProactiveDisclosure { get; set; } = new();
    public Applications2019 Applications { get; set; } = new();
    public Reviews Reviews { get; set; } = new();
}

public sealed class ProactiveDisclosure2019
{
    public RegulatoryDocuments2019 RegulatoryDocuments { get; set; } = new();
    public Licensing2019 Licensing { get; set; } = new();
    public Enforcement2019 Enforcement { get; set; } = new();
    public Fees2019 Fees { get; set; } = new();
    public Procurement2019 Procurement { get; set; } = new();
}

public sealed class DocumentCounts2019
{
    public int? Made { get; set; }
    public int? Published { get; set; }
    public int? PublishedTotal { get; set; }
}

public sealed class RegulatoryDocuments2019
{
    public DocumentCounts2019 Regulations { get; set; } = new();
    public DocumentCounts2019 NormativeDocuments { get; set; } = new();
}

public sealed class ItemCounts2019
{
    public int? PreviousItems { get; set; }
    public int? Change { get; set; }
    public int? Decisions { get; set; }
}

public sealed class Licensing2019
{
    public ItemCounts2019 AdministrativeLicensing { get; set; } = new();
    public ItemCounts2019 OtherServices { get; set; } = new();
}

public sealed class Enforcement2019
{
    public ItemCounts2019 AdministrativePenalty { get; set; } = new();
    public ItemCounts2019 AdministrativeCoercion { get; set; } = new();
}

public sealed class FeeCounts2019
{
    public int? PreviousItems { get; set; }
    public int? Change { get; set; }
}

public sealed class Fees2019
{
    public FeeCounts2019 AdministrativeFees { get; set; } = new();
}

public sealed class AmountDto
{
    public decimal Value { get; set; }
    public string? Unit { get; set; }
}

public sealed class ProcurementRow2019
{
    public int? Projects { get; set; }
    public AmountDto? Amount { get; set; }
}

public sealed class Procurement2019
{
    public ProcurementRow2019 CentralizedProcurement { get; set; } = new();
}

public sealed class Results2019
{
    public ApplicantCounts Disclosed { get; set; } = new();
    public ApplicantCounts PartiallyDisclosed { get; set; } = new();
    public WithheldCounts Withheld { get; set; } = new();
    public UnableToProvideCounts UnableToProvide { get; set; } = new();
    public NotProcessedCounts NotProcessed { get; set; } = new();
    public ApplicantCounts Other { get; set; } = new();
    public ApplicantCounts Total { get; set; } = new();
}

public sealed class Applications2019
{
    public ApplicantCounts NewlyReceived { get; set; } = new();
    public ApplicantCounts CarriedOver { get; set; } = new();
    public Results2019 Results { get; set; } = new();
    public ApplicantCounts CarriedForward { get; set; } = new();
}

// ---- 2021 format ----

public sealed class Report2021Dto
{
    public string Template { get; set; } = "2021";
    public int? Year { get; set; }
    public string? Agency { get; set; }
    public ProactiveDisclosure2021 ProactiveDisclosure { get; set; } = new();
    public Applications2021 Applications { get; set; } = new();
    public Reviews Reviews { get; set; } = new();
}

public sealed class ProactiveDisclosure2021
{
    public RegulatoryDocuments2021 RegulatoryDocuments { get; set; } = new();
    public Licensing2021 Licensing { get; set; } = new();
    public Enforcement2021 Enforcement { get; set; } = new();
    public Fees2021 Fees { get; set; } = new();
}

public sealed class DocumentCounts2021
{
    public int? Issued { get; set; }
    public int? Repealed { get; set; }
    public int? InForce { get; set; }
}

public sealed class RegulatoryDocuments2021
{
    public DocumentCounts2021 Regulations { get; set; } = new();
    public DocumentCounts2021 NormativeDocuments { get; set; } = new();
}

public sealed class DecisionCount2021
{
    public int? Decisions { get; set; }
}

public sealed class Licensing2021
{
    public DecisionCount2021 AdministrativeLicensing { get; set; } = new();
}

public sealed class Enforcement2021
{
    public DecisionCount2021 AdministrativePenalty { get; set; } = new();
    public DecisionCount2021 AdministrativeCoercion { get; set; } = new();
}

public sealed class FeeAmount2021
{
    public decimal? Amount { get; set; }
}

public sealed class Fees2021
{
    public FeeAmount2021 AdministrativeFees { get; set; } = new();
}

public sealed class OtherResults2021
{
    public ApplicantCounts NoCorrection { get; set; } = new();
    public ApplicantCounts FeeUnpaid { get; set; } = new();
    public ApplicantCounts OtherReasons { get; set; } = new();
}

public sealed class Results2021
{
    public ApplicantCounts Disclosed { get; set; } = new();
    public ApplicantCounts PartiallyDisclosed { get; set; } = new();
    public WithheldCounts Withheld { get; set; } = new();
    public UnableToProvideCounts UnableToProvide { get; set; } = new();
    public NotProcessedCounts NotProcessed { get; set; } = new();
    public OtherResults2021 Other { get; set; } = new();
    public ApplicantCounts Total { get; set; } = new();
}

public sealed class Applications2021
{
    public ApplicantCounts NewlyReceived { get; set; } = new();
    public ApplicantCounts CarriedOver { get; set; } = new();
    public Results2021 Results { get; set; } = new();
    public ApplicantCounts CarriedForward { get; set; } = new();
}
