using CommonGround.Core.Commitments;

namespace CommonGround.Core.Tests.Commitments;

public sealed class CommitmentProgressTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    private static Commitment Weekly(DateOnly start, decimal perWeek = 2, DateOnly? end = null) => new()
    {
        ChildId = Guid.NewGuid(), AreaId = Guid.NewGuid(), What = "Speech and language therapy", RecordArea = CommitmentArea.Health,
        Source = CommitmentSource.Plan, OwnerProfessionalId = Guid.NewGuid(), OwnerName = "Sam", OwnerOrganisationId = Guid.NewGuid(),
        OwnerOrganisationName = "Northvale NHS", Kind = CommitmentKind.Recurring, QuantityPerPeriod = perWeek, Unit = ProvisionUnit.Sessions,
        Period = ProvisionPeriod.Week, StartDate = start, EndDate = end, CreatedAt = Now, CreatedByUserId = Guid.NewGuid(), CreatedByName = "Sam",
    };

    private static Commitment OneOff(DateOnly due) => new()
    {
        ChildId = Guid.NewGuid(), AreaId = Guid.NewGuid(), What = "Send the therapy report", RecordArea = CommitmentArea.Health,
        Source = CommitmentSource.Meeting, OwnerProfessionalId = Guid.NewGuid(), OwnerName = "Sam", OwnerOrganisationId = Guid.NewGuid(),
        OwnerOrganisationName = "Northvale NHS", Kind = CommitmentKind.OneOff, DueDate = due, CreatedAt = Now, CreatedByUserId = Guid.NewGuid(), CreatedByName = "Sam",
    };

    private static T Agreed<T>(T commitment) where T : class
    {
        (commitment as Commitment)!.ChangeStatus(CommitmentStatus.Agreed, null, Guid.NewGuid(), "Sam", Now, Monday);
        return commitment;
    }

    [Fact]
    public void Two_full_weeks_at_two_a_week_with_three_delivered_is_behind_by_one()
    {
        var commitment = Agreed(Weekly(Monday.AddDays(-14)));

        var progress = CommitmentProgress.Of(commitment, 3, Monday.AddDays(-1), []);

        Assert.Equal(4, progress.Expected);
        Assert.Equal(1, progress.Shortfall);
        Assert.Equal(ProgressStatus.Behind, progress.Status);
    }

    [Fact]
    public void This_weeks_sessions_are_not_late_until_the_week_is_over()
    {
        var commitment = Agreed(Weekly(Monday.AddDays(-7)));

        // Wednesday of the second week: 3.2 owed to date, 2 owed by last Sunday, 2 delivered.
        var progress = CommitmentProgress.Of(commitment, 2, Monday.AddDays(2), []);

        Assert.Equal(3.2m, progress.Expected);
        Assert.Equal(ProgressStatus.OnTrack, progress.Status);
    }

    [Fact]
    public void Provision_that_should_have_started_with_nothing_delivered_is_not_started() =>
        Assert.Equal(ProgressStatus.NotStarted, CommitmentProgress.Of(Agreed(Weekly(Monday.AddDays(-7))), 0, Monday, []).Status);

    [Fact]
    public void Provision_starting_later_is_upcoming_and_a_proposal_owes_nothing()
    {
        Assert.Equal(ProgressStatus.Upcoming, CommitmentProgress.Of(Agreed(Weekly(Monday.AddDays(7))), 0, Monday, []).Status);
        var proposed = CommitmentProgress.Of(Weekly(Monday.AddDays(-14)), 0, Monday, []);
        Assert.Equal(ProgressStatus.NotAgreed, proposed.Status);
        Assert.Equal(0, proposed.Expected);
    }

    [Fact]
    public void Ending_early_stops_what_is_owed_on_the_day_it_ends()
    {
        var commitment = Agreed(Weekly(Monday.AddDays(-14)));
        commitment.ChangeStatus(CommitmentStatus.Active, null, Guid.NewGuid(), "Sam", Now, Monday);
        commitment.ChangeStatus(CommitmentStatus.EndedEarly, "The family moved away", Guid.NewGuid(), "Sam", Now, Monday.AddDays(-8));

        var progress = CommitmentProgress.Of(commitment, 2, Monday.AddDays(30), []);

        // From Monday 9 to Sunday 15 November: one full week.
        Assert.Equal(2, progress.Expected);
        Assert.Equal(ProgressStatus.OnTrack, progress.Status);
    }

    [Theory]
    [InlineData(-1, ProgressStatus.Overdue)]
    [InlineData(0, ProgressStatus.DueSoon)]
    [InlineData(14, ProgressStatus.DueSoon)]
    [InlineData(15, ProgressStatus.Upcoming)]
    public void A_one_off_is_overdue_the_day_after_its_due_date(int dueInDays, ProgressStatus expected) =>
        Assert.Equal(expected, CommitmentProgress.Of(Agreed(OneOff(Monday.AddDays(dueInDays))), 0, Monday, []).Status);

    [Fact]
    public void A_completed_one_off_is_done_even_after_its_date()
    {
        var commitment = Agreed(OneOff(Monday.AddDays(-5)));
        commitment.ChangeStatus(CommitmentStatus.Completed, null, Guid.NewGuid(), "Sam", Now, Monday);

        Assert.Equal(ProgressStatus.Done, CommitmentProgress.Of(commitment, 0, Monday, []).Status);
    }

    [Fact]
    public void Only_the_allowed_moves_change_the_status_and_final_statuses_allow_none()
    {
        var commitment = Weekly(Monday);

        Assert.Null(commitment.ChangeStatus(CommitmentStatus.Completed, null, Guid.NewGuid(), "Sam", Now, Monday));
        Assert.Equal(CommitmentStatus.Proposed, commitment.Status);
        Assert.NotNull(commitment.ChangeStatus(CommitmentStatus.Withdrawn, "Not needed", Guid.NewGuid(), "Sam", Now, Monday));
        Assert.Empty(commitment.NextStatuses());
        Assert.Equal(Monday, commitment.ClosedOn);
        Assert.Single(commitment.StatusChanges);
    }

    [Theory]
    [MemberData(nameof(Schedules))]
    public void The_first_day_behind_is_the_day_the_status_turns_behind_for_any_amount_delivered(ProvisionPeriod period, bool termTimeOnly, int? days)
    {
        var (commitment, terms, start, lastDay) = ProvisionAcrossTerms(period, termTimeOnly, days);

        foreach (var delivered in Delivered)
        {
            var firstDayBehind = CommitmentProgress.FirstDayBehind(commitment, delivered, terms);
            for (var day = start.AddDays(-3); day <= lastDay; day = day.AddDays(1))
            {
                var status = CommitmentProgress.Of(commitment, delivered, day, terms).Status;
                Assert.True(status is ProgressStatus.Behind or ProgressStatus.NotStarted == day >= firstDayBehind,
                    $"{delivered} delivered on {day}: {status}, first day behind {firstDayBehind}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Schedules))]
    public void The_share_delivered_first_falls_a_point_on_the_day_given_for_any_amount_delivered(ProvisionPeriod period, bool termTimeOnly, int? days)
    {
        var (commitment, terms, start, lastDay) = ProvisionAcrossTerms(period, termTimeOnly, days);

        foreach (var delivered in Delivered)
        {
            foreach (var today in new[] { start, start.AddDays(9), new DateOnly(2026, 12, 24), new DateOnly(2027, 4, 1), start.AddDays(days ?? 300) })
            {
                var percent = CommitmentProgress.Of(commitment, delivered, today, terms).PercentDelivered;
                var falls = CommitmentProgress.NextDayPercentFalls(commitment, delivered, today, terms);
                var walked = (DateOnly?)null;
                for (var day = today.AddDays(1); day <= lastDay && walked is null; day = day.AddDays(1))
                {
                    walked = CommitmentProgress.Of(commitment, delivered, day, terms).PercentDelivered < percent ? day : null;
                }

                // Open-ended provision may fall only after the days walked.
                Assert.True(walked == falls || (walked is null && falls > lastDay), $"{delivered} delivered, {percent}% on {today}: falls on {falls}, walked to {walked}");
            }
        }
    }

    /// <summary>Weekly and daily provision, in term time or all year, open-ended or for 40 to 200 days.</summary>
    public static TheoryData<ProvisionPeriod, bool, int?> Schedules => new()
    {
        { ProvisionPeriod.Week, false, null }, { ProvisionPeriod.Week, true, null }, { ProvisionPeriod.Day, false, 40 }, { ProvisionPeriod.Day, true, 120 },
        { ProvisionPeriod.Week, true, 200 },
    };

    private static readonly decimal[] Delivered = [0m, 0.5m, 1.5m, 3m, 7.5m, 20m, 61m, 1000m];

    /// <summary>Provision of 1.5 a period from 14 October 2026, over terms with gaps, across a Christmas and an Easter with their bank holidays.</summary>
    private static (Commitment Commitment, IReadOnlyList<TermPeriod> Terms, DateOnly Start, DateOnly LastDay) ProvisionAcrossTerms(ProvisionPeriod period, bool termTimeOnly, int? days)
    {
        IReadOnlyList<TermPeriod> terms =
        [
            new(new(2026, 9, 2), new(2026, 10, 23)), new(new(2026, 11, 2), new(2026, 12, 18)),
            new(new(2027, 1, 5), new(2027, 2, 12)), new(new(2027, 2, 22), new(2027, 3, 26)), new(new(2027, 4, 12), new(2027, 7, 21)),
        ];
        var start = new DateOnly(2026, 10, 14);
        var commitment = Agreed(Weekly(start, 1.5m, days is { } d ? start.AddDays(d) : null));
        commitment.Period = period;
        commitment.TermTimeOnly = termTimeOnly;
        return (commitment, terms, start, new DateOnly(2027, 8, 31));
    }

    [Fact]
    public void Provision_delivered_in_full_is_never_behind_and_a_one_off_has_no_first_day_behind()
    {
        var commitment = Agreed(Weekly(Monday.AddDays(-14), 2, Monday.AddDays(-1)));
        commitment.KeepFirstDayBehind([]);
        var oneOff = Agreed(OneOff(Monday));
        oneOff.KeepFirstDayBehind([]);

        Assert.Equal(DateOnly.MaxValue, CommitmentProgress.FirstDayBehind(commitment, 4, []));
        // The first week's sessions are late once its weekdays are over: from its Saturday.
        Assert.Equal(Monday.AddDays(-9), CommitmentProgress.FirstDayBehind(commitment, 0, []));
        Assert.Equal(Monday.AddDays(-9), commitment.FirstDayBehind);
        Assert.Null(oneOff.FirstDayBehind);
    }
}
