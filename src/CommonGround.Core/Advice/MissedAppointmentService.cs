using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Statutory;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Advice;

/// <summary>The missed-appointment exception for EHC advice (SEND Regulations reg 8(2)), recorded on the request and on the assessment.</summary>
public sealed class MissedAppointmentService(CommonGroundDbContext db, Notifier notifier, Attention.AttentionSignals signals, TimeProvider timeProvider)
{
    /// <summary>
    /// Records that an appointment for an examination or test, needed for EHC advice, was missed: the 6 weeks may then
    /// not apply (reg 8(2)). The legal date stays on the record, flagged, and the assessment notes it for this adviser.
    /// </summary>
    public async Task<Result<AdviceRequest>> RecordMissedAppointmentAsync(ChildAccess childAccess, Guid requestId, int version, DateOnly? missedOn, UserActor actor)
    {
        var request = await db.AdviceRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.ChildId == childAccess.Child.Id);
        if (request is null || !childAccess.CanSee(request.Part))
        {
            return new AdviceRequestNotFound();
        }

        if (request.ProcessId is not { } processId)
        {
            return new MissedAppointmentOnlyForAssessment();
        }

        if (request.Status != AdviceStatus.Asked)
        {
            return new AdviceAlreadyGiven();
        }

        if (!await AdviceService.MayGiveAsync(db, childAccess, request, actor.UserId) && !MayRecordForTheCouncil(childAccess))
        {
            return new NotAllowedToRecordMissedAppointment();
        }

        if (request.AppointmentMissedOn is not null)
        {
            return new MissedAppointmentAlreadyRecorded();
        }

        if (request.Version != version)
        {
            return new AdviceChangedMeanwhile();
        }

        var today = timeProvider.TodayInUk();
        if (missedOn is not { } on)
        {
            return new MissedAppointmentDateMissing();
        }

        if (on < request.AskedAt.ToUkDate() || on > today)
        {
            return new MissedAppointmentDateOutOfRange();
        }

        var now = timeProvider.UtcNow();
        request.MissedAppointment(on);
        db.AuditEvents.Add(AdviceService.Changed(actor, request, now, AuditActions.AdviceAppointmentMissed,
            $"Recorded that an appointment for {request.AdviserName}'s advice was missed on {UkDates.Date(on)}"));
        var process = await db.StatutoryProcesses.SingleAsync(p => p.Id == processId);
        var recorded = process.Record(StatutoryEventKind.AppointmentMissed, on, actor, byFamily: false, now, Timescales.England, detail: request.StatutoryName);
        db.StatutoryEvents.Add(recorded);
        db.AuditEvents.Add(StatutoryChanges.Recorded(actor, process, recorded, now));
        var other = actor.UserId != request.AskedByUserId ? request.AskedByUserId : request.AdviserUserId;
        if (other is { } told)
        {
            await notifier.NotifyAsync(told, NotificationKind.Plans, $"{actor.Name} recorded that an appointment for the advice about {childAccess.Child.KnownAs} was missed on {UkDates.Date(on)}",
                $"An appointment for the advice about {childAccess.Child.KnownAs} was missed", ChildLinks.AdviceRequest(request.ChildId, request.Id), request.ChildId);
        }

        if (!await db.TrySaveAsync())
        {
            return new AdviceChangedMeanwhile();
        }

        await signals.RefreshAfterChangeAsync(request.ChildId);
        return request;
    }

    /// <summary>Staff of the local authority who run the child's statutory processes; the family's dates are theirs, not this exception.</summary>
    public static bool MayRecordForTheCouncil(ChildAccess childAccess) =>
        childAccess.Relationship.OrganisationKind == Organisations.OrganisationKind.LocalAuthority && childAccess.Can(Capability.ManageStatutoryProcess, RecordArea.StatutoryProcess);
}
