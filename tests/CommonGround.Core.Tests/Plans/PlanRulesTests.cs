using CommonGround.Core.Access;
using CommonGround.Core.Commitments;
using CommonGround.Core.Organisations;
using CommonGround.Core.Plans;

namespace CommonGround.Core.Tests.Plans;

/// <summary>The rules a plan is written and kept by, with no database: each kind's review date and author, what a section holds, and what a provision line may say.</summary>
public sealed class PlanRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(PlanKind.SenSupport, "2027-03-23")]
    [InlineData(PlanKind.IndividualSupport, "2027-11-23")]
    [InlineData(PlanKind.Ehc, "2027-11-23")]
    public void Each_kind_is_reviewed_by_its_own_rule(PlanKind kind, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), PlanKinds.For(kind).ReviewDueBy(Today));

    [Fact]
    public void Schools_write_support_plans_and_the_local_authority_writes_ehc_plans()
    {
        Assert.True(PlanKinds.For(PlanKind.SenSupport).WrittenByStaffOf(OrganisationKind.School));
        Assert.False(PlanKinds.For(PlanKind.SenSupport).WrittenByStaffOf(OrganisationKind.LocalAuthority));
        Assert.True(PlanKinds.For(PlanKind.Ehc).WrittenByStaffOf(OrganisationKind.LocalAuthority));
        Assert.False(PlanKinds.For(PlanKind.Ehc).WrittenByStaffOf(OrganisationKind.Health));
        Assert.True(PlanKinds.For(PlanKind.IndividualSupport).Proposed);
    }

    [Fact]
    public void Placement_and_personal_budget_are_sections_of_an_ehc_plan_only()
    {
        Assert.True(PlanLineKind.Placement.BelongsIn(PlanKind.Ehc));
        Assert.False(PlanLineKind.Placement.BelongsIn(PlanKind.SenSupport));
        Assert.False(PlanLineKind.PersonalBudget.BelongsIn(PlanKind.IndividualSupport));
        Assert.True(PlanLineKind.Provision.BelongsIn(PlanKind.SenSupport));
        Assert.Equal(["B", "C", "D", "E", "F", "G", "H", "I", "J"],
            PlanSections.For(PlanKind.Ehc, "Jordan").Select(s => s.Heading["Section ".Length..][..1]));
    }

    [Theory]
    [InlineData(-11, true)]
    [InlineData(-9, false)]
    [InlineData(9, false)]
    [InlineData(11, true)]
    public void A_provision_line_starts_within_the_years_a_commitment_may(int years, bool refused)
    {
        var options = new PlanLineOptions(RecordArea.Education, "Reading group", Quantity: 2, Unit: ProvisionUnit.Sessions, Period: ProvisionPeriod.Week, StartDate: Today.AddYears(years));
        Assert.Equal(refused, PlanProvisionTerms.Validate(options, Today) is StartDateTooFar);
    }

    [Fact]
    public void Vague_provision_is_named_and_specific_provision_is_not()
    {
        Assert.Equal(["\"Access to\"", "\"as required\""],
            ProvisionWording.Check("Access to speech and language therapy as required", hasProvider: true, hasAmount: true, hasFrequency: true).Select(p => p.Found));
        Assert.Empty(ProvisionWording.Check("Speech and language therapy in school", hasProvider: true, hasAmount: true, hasFrequency: true));
    }

    [Fact]
    public void A_version_keeps_what_was_said_at_the_review_and_shows_each_person_only_the_parts_they_see()
    {
        var content = new PlanContent(
            [new PlanContentLine(Guid.NewGuid(), PlanLineKind.Outcome, RecordArea.Health, "Sam will follow a two-step instruction", null)],
            [
                new PlanContentProgress(Guid.NewGuid(), RecordArea.Health, "Sam will follow a two-step instruction", true, "Alex Morgan", null, "He does it at home now"),
                new PlanContentProgress(Guid.NewGuid(), RecordArea.Health, "Sam will follow a two-step instruction", false, "Grace Okafor", ProgressTowardsOutcome.SomeProgress, "In small groups"),
            ]);
        var again = PlanContent.FromJson(content.ToJson());

        var forTherapist = again.AsText(part => part == RecordArea.Health);
        Assert.Contains("in the family's words, from Alex Morgan: He does it at home now", forTherapist, StringComparison.Ordinal);
        Assert.Contains("as the team sees it (Some progress), from Grace Okafor: In small groups", forTherapist, StringComparison.Ordinal);
        Assert.Equal("", again.AsText(part => part == RecordArea.Education));
    }
}
