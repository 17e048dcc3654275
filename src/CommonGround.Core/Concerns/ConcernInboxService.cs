using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Organisations;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Concerns;

/// <summary>A concern waiting with an organisation: enough for its lead to act, without the family's words.</summary>
public sealed record InboxConcern(Concern Concern, string ChildName);

/// <summary>How many working days an organisation gives itself to acknowledge and to answer concerns, and urgent ones.</summary>
public sealed record SetResponseStandardOptions(Guid OrganisationId, int AcknowledgeWorkingDays, int RespondWorkingDays, int UrgentAcknowledgeWorkingDays, int UrgentRespondWorkingDays);

/// <summary>An organisation's side of concerns: those it owns, for its leads to assign, and its response standard.</summary>
public sealed class ConcernInboxService(CommonGroundDbContext db, TimeProvider timeProvider)
{
    /// <summary>A concern owned by the person's organisation, for its lead to assign; null if it is not theirs to see.</summary>
    public async Task<InboxConcern?> FindForOrganisationAsync(Guid organisationId, Guid concernId)
    {
        var found = await db.Concerns.AsNoTracking().Where(c => c.Id == concernId && c.OwnerOrganisationId == organisationId)
            .Select(c => new { Concern = c, Child = db.Children.Single(ch => ch.Id == c.ChildId) }).SingleOrDefaultAsync();
        return found is null ? null : new InboxConcern(found.Concern, found.Child.ShownName);
    }

    /// <summary>The open concerns an organisation owns: those waiting for a lead to assign them, and those past a clock.</summary>
    public async Task<IReadOnlyList<InboxConcern>> ListForOrganisationAsync(Guid organisationId)
    {
        var found = await db.Concerns.AsNoTracking()
            .Where(c => c.OwnerOrganisationId == organisationId && c.Status != ConcernStatus.Closed)
            .Join(db.Children, c => c.ChildId, ch => ch.Id, QueryParts.Inline((Concern c, Child ch) => new { Concern = c, Name = Child.ShownNameOf.Apply(ch) }))
            .ToListAsync();
        return found.Select(f => new InboxConcern(f.Concern, f.Name))
            .OrderBy(f => f.Concern.OwnerProfessionalId is not null).ThenBy(f => f.Concern.NextClock?.DueOn ?? DateOnly.MaxValue).ThenBy(f => f.Concern.RaisedAt)
            .ToList();
    }

    public async Task<Result<ResponseStandard>> SetStandardAsync(SetResponseStandardOptions options, UserActor actor)
    {
        var (organisationId, acknowledge, respond, urgentAcknowledge, urgentRespond) = options;
        Error? invalid = (acknowledge, respond, urgentAcknowledge, urgentRespond) switch
        {
            ( < 1 or > ResponseStandard.MaxWorkingDays, _, _, _) => new StandardOutOfRange("AcknowledgeWorkingDays"),
            (_, < 1 or > ResponseStandard.MaxWorkingDays, _, _) => new StandardOutOfRange("RespondWorkingDays"),
            (_, _, < 1 or > ResponseStandard.MaxWorkingDays, _) => new StandardOutOfRange("UrgentAcknowledgeWorkingDays"),
            (_, _, _, < 1 or > ResponseStandard.MaxWorkingDays) => new StandardOutOfRange("UrgentRespondWorkingDays"),
            _ when acknowledge > respond => new AcknowledgeAfterRespond("AcknowledgeWorkingDays"),
            _ when urgentAcknowledge > urgentRespond => new AcknowledgeAfterRespond("UrgentAcknowledgeWorkingDays"),
            _ => null,
        };
        if (invalid is not null)
        {
            return invalid;
        }

        ResponseStandard standard = default!;
        await db.SaveSettingsAsync(async () =>
        {
            standard = await db.ResponseStandards.SingleOrDefaultAsync(s => s.OrganisationId == organisationId) ?? ResponseStandard.DefaultFor(organisationId);
            if (db.Entry(standard).State == EntityState.Detached)
            {
                db.ResponseStandards.Add(standard);
            }

            var now = timeProvider.UtcNow();
            standard.Change(acknowledge, respond, urgentAcknowledge, urgentRespond, actor.Name, now);
            db.AuditEvents.Add(AuditEvent.For(actor, now, AuditActions.ResponseStandardChanged, "Organisation", organisationId,
                $"Set the response standard: acknowledge in {acknowledge} and respond in {respond} working days; urgent concerns in {urgentAcknowledge} and {urgentRespond}"));
        });
        return standard;
    }
}
