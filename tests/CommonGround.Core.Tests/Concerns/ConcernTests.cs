using CommonGround.Core.Access;
using CommonGround.Core.Concerns;

namespace CommonGround.Core.Tests.Concerns;

public sealed class ConcernTests
{
    private static readonly DateTime Raised = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Raiser = Guid.NewGuid();
    private static readonly Guid Owner = Guid.NewGuid();

    private static Concern NewConcern() => new()
    {
        ChildId = Guid.NewGuid(), AreaId = Guid.NewGuid(), Topic = "Taxi late", About = RecordArea.Transport, WhatIsHappening = "The taxi is late every day",
        Urgency = ConcernUrgency.Standard, RaisedAt = Raised, RaisedByUserId = Raiser, RaisedByName = "Parent", RaisedByFamily = true,
        OwnerOrganisationId = Guid.NewGuid(), OwnerOrganisationName = "Transport", OwnerProfessionalId = Guid.NewGuid(), OwnerName = "Officer",
        ClockStartsOn = new DateOnly(2026, 11, 23), AcknowledgeBy = new DateOnly(2026, 11, 25), RespondBy = new DateOnly(2026, 12, 7),
    };

    [Fact]
    public void A_concern_goes_raised_acknowledged_responded_resolved_and_closed_and_keeps_every_step()
    {
        var concern = NewConcern();
        concern.Raise(Raiser, "Parent", true);
        Assert.NotNull(concern.Acknowledge(null, Owner, "Officer", Raised.AddHours(1)));
        Assert.NotNull(concern.Respond("We are looking at the route", Owner, "Officer", Raised.AddDays(1)));
        Assert.NotNull(concern.Resolve("The taxi should arrive by 8.15", "New driver from Monday", Owner, "Officer", Raised.AddDays(2)));
        Assert.NotNull(concern.Confirm(Raiser, "Parent", true, Raised.AddDays(3)));

        Assert.Equal(ConcernStatus.Closed, concern.Status);
        Assert.Equal(
            [ConcernUpdateKind.Raised, ConcernUpdateKind.Acknowledged, ConcernUpdateKind.Responded, ConcernUpdateKind.Resolved, ConcernUpdateKind.Confirmed],
            concern.Updates.Select(u => u.Kind));
        Assert.Equal("The taxi should arrive by 8.15", concern.Updates.Single(u => u.Kind == ConcernUpdateKind.Resolved).YouSaid);
    }

    [Fact]
    public void Steps_out_of_order_are_refused_and_change_nothing()
    {
        var concern = NewConcern();
        var version = concern.Version;
        Assert.Null(concern.Confirm(Raiser, "Parent", true, Raised));
        Assert.Null(concern.Reopen("No", Raiser, "Parent", true, Raised, concern.ClockStartsOn, concern.RespondBy));
        Assert.Equal(version, concern.Version);
        Assert.Empty(concern.Updates);

        concern.Resolve("Asked", "Done", Owner, "Officer", Raised);
        Assert.Null(concern.Acknowledge(null, Owner, "Officer", Raised));
        Assert.Null(concern.Respond("More", Owner, "Officer", Raised));
    }

    [Fact]
    public void Reopening_starts_a_new_response_clock_and_a_new_escalation()
    {
        var concern = NewConcern();
        concern.Escalate(ConcernClockKind.Respond, "Lead", Raised.AddDays(20));
        concern.Resolve("Asked", "Done", Owner, "Officer", Raised.AddDays(21));
        concern.Reopen("It is still late", Raiser, "Parent", true, Raised.AddDays(22), new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 29));

        Assert.Equal(ConcernStatus.Reopened, concern.Status);
        Assert.Null(concern.RespondedAt);
        Assert.Null(concern.RespondEscalatedAt);
        Assert.Equal(new DateOnly(2026, 12, 29), concern.RespondBy);
        Assert.Equal((ConcernClockKind.Respond, new DateOnly(2026, 12, 29)), concern.NextClock);
        Assert.Null(concern.UnescalatedBreach(new DateOnly(2026, 12, 29)));
        Assert.Equal(ConcernClockKind.Respond, concern.UnescalatedBreach(new DateOnly(2026, 12, 30)));
    }

    [Fact]
    public void A_breach_is_escalated_once()
    {
        var concern = NewConcern();
        Assert.Null(concern.UnescalatedBreach(new DateOnly(2026, 11, 25)));
        Assert.Equal(ConcernClockKind.Acknowledge, concern.UnescalatedBreach(new DateOnly(2026, 11, 26)));
        Assert.NotNull(concern.Escalate(ConcernClockKind.Acknowledge, "Lead", Raised.AddDays(3)));
        Assert.Null(concern.Escalate(ConcernClockKind.Acknowledge, "Lead", Raised.AddDays(3)));
        Assert.Null(concern.UnescalatedBreach(new DateOnly(2026, 11, 26)));
        Assert.Equal(ConcernClockKind.Respond, concern.UnescalatedBreach(new DateOnly(2026, 12, 8)));
        Assert.Equal("Lead", concern.EscalatedTo);
    }
}
