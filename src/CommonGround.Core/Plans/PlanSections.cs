using CommonGround.Core.Access;

namespace CommonGround.Core.Plans;

/// <summary>One section a plan is read in: its heading, and the lines it holds (of a kind, in some parts of the record).</summary>
public sealed record PlanSection(string Heading, PlanLineKind Kind, IReadOnlyList<RecordArea> Parts, string Empty);

/// <summary>
/// How each kind of plan is laid out. A support plan reads as needs, outcomes and provision; an EHC plan in the
/// sections regulation 12 of the SEND Regulations 2014 requires, each line in the section its kind and part decide.
/// Section K (advice and information) is not written as lines: it lists the advice recorded on the needs assessment.
/// </summary>
public static class PlanSections
{
    private static readonly IReadOnlyList<RecordArea> All = PlanLineText.Parts;

    public static string FamilyHeading(PlanKind kind, string childName) => kind == PlanKind.Ehc
        ? $"Section A: {childName}'s and the family's views, interests and aspirations"
        : $"In {childName}'s and the family's own words";

    public static IReadOnlyList<PlanSection> For(PlanKind kind, string childName) => kind == PlanKind.Ehc
        ?
        [
            new("Section B: Special educational needs", PlanLineKind.Need, [RecordArea.Education], "No special educational needs written yet."),
            new("Section C: Health needs related to special educational needs", PlanLineKind.Need, [RecordArea.Health], "No health needs written yet."),
            new("Section D: Social care needs", PlanLineKind.Need, [RecordArea.SocialCare], "No social care needs written yet."),
            new("Section E: Outcomes", PlanLineKind.Outcome, All, "No outcomes written yet."),
            new("Section F: Special educational provision", PlanLineKind.Provision, [RecordArea.Education], "No special educational provision written yet."),
            new("Section G: Health provision", PlanLineKind.Provision, [RecordArea.Health], "No health provision written yet."),
            new("Section H: Social care provision", PlanLineKind.Provision, [RecordArea.SocialCare], "No social care provision written yet."),
            new("Section I: Placement", PlanLineKind.Placement, [RecordArea.Education], "No school, college or setting named yet."),
            new("Section J: Personal budget", PlanLineKind.PersonalBudget, All, "No personal budget: none has been asked for or agreed."),
        ]
        :
        [
            new($"What {childName} needs", PlanLineKind.Need, All, "No needs written yet."),
            new("Outcomes: what will be different", PlanLineKind.Outcome, All, "No outcomes written yet."),
            new("Provision: the support promised", PlanLineKind.Provision, All, "No provision written yet."),
        ];
}
