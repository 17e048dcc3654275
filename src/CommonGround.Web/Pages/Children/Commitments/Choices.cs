using CommonGround.Core.Commitments;
using CommonGround.Web.Infrastructure.GovUk;

namespace CommonGround.Web.Pages.Children.Commitments;

/// <summary>The choices the commitment forms offer, in the order people read them.</summary>
public static class Choices
{
    public static IReadOnlyList<Option> Areas { get; } = Enum.GetValues<CommitmentArea>().Select(a => new Option(a.ToString(), a.ToDisplayName())).ToList();

    public static IReadOnlyList<Option> Sources { get; } = Enum.GetValues<CommitmentSource>().Select(s => new Option(s.ToString(), s.ToDisplayName())).ToList();

    public static IReadOnlyList<Option> Kinds { get; } =
    [
        new(nameof(CommitmentKind.OneOff), "Something done once, by a date", "For example, send the therapy report or arrange a visit"),
        new(nameof(CommitmentKind.Recurring), "Provision given regularly", "For example, 2 sessions of speech and language therapy a week, or daily transport"),
    ];

    public static IReadOnlyList<Option> Units { get; } =
    [
        new(nameof(ProvisionUnit.Sessions), "Sessions"),
        new(nameof(ProvisionUnit.Hours), "Hours"),
        new(nameof(ProvisionUnit.Journeys), "Journeys"),
    ];

    public static IReadOnlyList<Option> Periods { get; } =
    [
        new(nameof(ProvisionPeriod.Week), "A week"),
        new(nameof(ProvisionPeriod.Day), "A day (each weekday)"),
    ];

    public static IReadOnlyList<Option> MissedReasons { get; } = Enum.GetValues<MissedReason>().Select(r => new Option(r.ToString(), r.ToDisplayName())).ToList();

    public static IReadOnlyList<Option> Statuses(IEnumerable<CommitmentStatus> statuses) => statuses.Select(s => new Option(s.ToString(), s switch
    {
        CommitmentStatus.Agreed => "Agreed",
        CommitmentStatus.Active => "Active: it has started",
        CommitmentStatus.Completed => "Completed",
        CommitmentStatus.EndedEarly => "Ended early",
        CommitmentStatus.Withdrawn => "Withdrawn",
        _ => s.ToDisplayName(),
    })).ToList();
}
