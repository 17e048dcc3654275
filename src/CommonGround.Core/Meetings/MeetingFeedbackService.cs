using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Statutory;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Meetings;


/// <summary>
/// How families answered "Did you feel listened to?" about one organisation's meetings. The figures are empty when
/// fewer than <see cref="MeetingFeedbackService.MinimumAnswersToShow"/> answered, so no one family's answer can be picked out.
/// </summary>
public sealed record ListeningSummary(int Answers, decimal? AverageScore, IReadOnlyDictionary<int, int>? CountByScore)
{
    public bool IsShown => AverageScore is not null;
}

/// <summary>"Did you feel listened to?" for one organisation: overall, and for each kind of meeting.</summary>
public sealed record ListeningReport(ListeningSummary Overall, IReadOnlyList<(MeetingKind Kind, ListeningSummary Summary)> ByKind);

/// <summary>"Did you feel listened to?": each family member's answer once per meeting, and an organisation's totals.</summary>
public sealed class MeetingFeedbackService(CommonGroundDbContext db, MeetingSteps steps, TimeProvider timeProvider)
{
    public const int MinimumAnswersToShow = 5;

    /// <summary>A family member's answer to "Did you feel listened to?", once per meeting.</summary>
    public async Task<Result<MeetingFeedback>> GiveFeedbackAsync(ChildAccess childAccess, Guid meetingId, int? score, string? whatWouldHaveHelped, UserActor actor)
    {
        var childId = childAccess.Child.Id;
        var loaded = await steps.LoadForFamilyAsync(childAccess, meetingId, version: null);
        if (loaded.Value is not { } meeting)
        {
            return loaded.Error!;
        }

        var now = timeProvider.UtcNow();
        Error? error = meeting switch
        {
            { IsCancelled: true } => new MeetingCancelled(),
            _ when !meeting.HasStarted(now) => new FeedbackTooEarly(),
            _ when score is not (>= 1 and <= 5) => new FeedbackScoreMissing(),
            _ when whatWouldHaveHelped?.Trim().Length > MeetingFeedback.MaxLength => new TextTooLong("WhatWouldHaveHelped", MeetingFeedback.MaxLength),
            _ when await db.MeetingFeedback.AnyAsync(f => f.MeetingId == meetingId && f.UserAccountId == actor.UserId) => new FeedbackAlreadyGiven(),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        var feedback = new MeetingFeedback
        {
            MeetingId = meeting.Id, ChildId = childId, UserAccountId = actor.UserId, OrganisationId = meeting.OrganiserOrganisationId,
            MeetingKind = meeting.Kind, Score = score!.Value, WhatWouldHaveHelped = MeetingSteps.Clean(whatWouldHaveHelped), AnsweredAt = now,
        };
        db.MeetingFeedback.Add(feedback);
        // The audit trail says an answer was given, never what it was.
        db.AuditEvents.Add(MeetingSteps.ChildEvent(actor, childAccess, meeting, now, AuditActions.MeetingFeedbackGiven,
            $"Answered \"Did you feel listened to?\" about the {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {MeetingService.When(meeting)}"));
        return await db.TrySaveAsync() ? feedback : new FeedbackAlreadyGiven();
    }

    /// <summary>
    /// Totals for meetings an organisation ran between two dates, overall and by kind of meeting, each shown only over
    /// the minimum number of answers. One query: the answers counted by kind and score.
    /// </summary>
    public async Task<ListeningReport> SummariseListeningAsync(Guid organisationId, DateOnly from, DateOnly to)
    {
        var fromInstant = TimeProviderExtensions.FromUkTime(from, TimeOnly.MinValue);
        var toInstant = TimeProviderExtensions.FromUkTime(to.AddDays(1), TimeOnly.MinValue);
        var counts = await db.MeetingFeedback
            .Where(f => f.OrganisationId == organisationId && f.AnsweredAt >= fromInstant && f.AnsweredAt < toInstant)
            .GroupBy(f => new { f.MeetingKind, f.Score })
            .Select(g => new { g.Key.MeetingKind, g.Key.Score, Count = g.Count() })
            .ToListAsync();
        ListeningSummary Summarise(IEnumerable<(int Score, int Count)> answers)
        {
            var byScore = answers.GroupBy(a => a.Score).ToDictionary(g => g.Key, g => g.Sum(a => a.Count));
            var total = byScore.Values.Sum();
            if (total < MinimumAnswersToShow)
            {
                return new ListeningSummary(total, null, null);
            }

            var average = Math.Round((decimal)byScore.Sum(c => c.Key * c.Value) / total, 1);
            return new ListeningSummary(total, average, Enumerable.Range(1, 5).ToDictionary(s => s, s => byScore.GetValueOrDefault(s)));
        }

        return new ListeningReport(
            Summarise(counts.Select(c => (c.Score, c.Count))),
            Enum.GetValues<MeetingKind>().Select(kind => (kind, Summarise(counts.Where(c => c.MeetingKind == kind).Select(c => (c.Score, c.Count))))).ToList());
    }
}
