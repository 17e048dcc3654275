using CommonGround.Core.Commitments;
using CommonGround.Core.Team;

namespace CommonGround.Core.Plans;

/// <summary>
/// The terms of a provision line (who, how much, how often, from when): checked as a commitment's are, so an agreed
/// line always becomes one, and copied onto the line. Any of them may still be missing while the plan is a draft; all
/// of them are needed to share it.
/// </summary>
public static class PlanProvisionTerms
{
    public static Error? Validate(PlanLineOptions options, DateOnly today) => options switch
    {
        { Quantity: <= 0 } => new QuantityNotPositive(),
        { Quantity: > Commitment.MaxQuantity } => new QuantityTooLarge(),
        { Quantity: not null, Unit: null } => new UnitMissing(),
        { Quantity: not null, Period: null } => new PeriodMissing(),
        { MinutesPerSession: < 1 or > 600 } => new MinutesOutOfRange(),
        { StartDate: { } start } when start < today.AddYears(-CommitmentService.YearsAhead) || start > today.AddYears(CommitmentService.YearsAhead)
            => new StartDateTooFar(CommitmentService.YearsAhead),
        { EndDate: { } end } when end > today.AddYears(CommitmentService.YearsAhead) => new EndDateTooFar(CommitmentService.YearsAhead),
        { StartDate: { } start, EndDate: { } end } when end < start => new EndBeforeStart(),
        _ => null,
    };

    public static void Apply(PlanLine line, PlanLineOptions options, TeamMember? provider)
    {
        var provision = line.Kind == PlanLineKind.Provision;
        line.ProviderTeamMemberId = provision ? provider?.Id : null;
        line.ProviderName = provision ? provider?.Professional?.UserAccount?.DisplayName : null;
        line.ProviderOrganisationName = provision ? provider?.Professional?.Organisation?.Name : null;
        line.Quantity = provision ? options.Quantity : null;
        line.Unit = provision && options.Quantity is not null ? options.Unit : null;
        line.MinutesPerSession = provision && options.Unit == ProvisionUnit.Sessions ? options.MinutesPerSession : null;
        line.Period = provision && options.Quantity is not null ? options.Period : null;
        line.StartDate = provision ? options.StartDate : null;
        line.EndDate = provision ? options.EndDate : null;
        line.TermTimeOnly = provision && options.TermTimeOnly;
        line.Serves = provision && options.Serves is { Count: > 0 } serves ? string.Join(',', serves.Distinct()) : null;
    }

    /// <summary>What is still missing before the line can be a promise, in words for its author; null when nothing is.</summary>
    public static string? Missing(PlanLine line) => line switch
    {
        { Kind: not PlanLineKind.Provision } => null,
        { ProviderTeamMemberId: null } => "who provides it",
        { Quantity: null } or { Unit: null } or { Period: null } => "how much and how often",
        { StartDate: null } => "when it starts",
        _ => null,
    };
}
