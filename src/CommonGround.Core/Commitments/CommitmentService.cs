using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Concerns;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Commitments;

/// <summary>A commitment with how it stands today, and whether a family dispute is waiting on its owner.</summary>
public sealed record CommitmentWithProgress(Commitment Commitment, CommitmentProgress Progress, int OpenDisputes);

/// <summary>A commitment a professional owes, with the child it is for.</summary>
public sealed record OwedCommitment(Guid ChildId, string ChildName, Commitment Commitment, CommitmentProgress Progress, int OpenDisputes)
{
    // How "What I owe" groups a person's promises, and how their first screen counts them.
    public bool IsLate => Progress.Status == ProgressStatus.Overdue;
    public bool IsBehind => Progress.Status is ProgressStatus.Behind or ProgressStatus.NotStarted;
    public bool IsDisputed => OpenDisputes > 0;
    public bool IsDueSoon => Progress.Status == ProgressStatus.DueSoon;
    public bool IsProposed => Progress.Status == ProgressStatus.NotAgreed;
    public bool IsOnTrack => Progress.Status is ProgressStatus.OnTrack or ProgressStatus.Upcoming;
}

/// <summary>How one member of staff's open commitments stand, counted, with no detail about any child.</summary>
public sealed record OwnerSummary(string OwnerName, int Open, int OnTrack, int DueSoon, int Overdue, int Behind, int NotStarted, int OpenDisputes);

/// <summary>
/// Reading a child's commitments and what a professional owes, each with how it stands against what was delivered.
/// Making and changing commitments and recording deliveries are beside it.
/// </summary>
public sealed class CommitmentService(CommonGroundDbContext db, TimeProvider timeProvider)
{
    /// <summary>A promise further off than this is not a plan anyone can follow up; a date beyond it is a typing slip.</summary>
    public const int YearsAhead = 10;

    /// <summary>Every commitment for the child that the person may see, with planned against delivered, newest first.</summary>
    public async Task<IReadOnlyList<CommitmentWithProgress>> ListForChildAsync(ChildAccess childAccess)
    {
        var visible = db.Commitments.AsNoTracking().VisibleTo(childAccess);
        return await WithProgressAsync(await visible.OrderByDescending(c => c.CreatedAt).ToListAsync());
    }

    /// <summary>The named commitments for the child that the person may see, with planned against delivered: a plan's provision.</summary>
    public async Task<IReadOnlyList<CommitmentWithProgress>> ListForChildAsync(ChildAccess childAccess, IReadOnlyCollection<Guid> commitmentIds)
    {
        var visible = db.Commitments.AsNoTracking().VisibleTo(childAccess).Where(c => commitmentIds.Contains(c.Id));
        return await WithProgressAsync(await visible.ToListAsync());
    }

    public async Task<CommitmentWithProgress?> GetAsync(ChildAccess childAccess, Guid commitmentId)
    {
        var commitment = await db.Commitments.AsNoTracking().VisibleTo(childAccess).Include(c => c.StatusChanges).SingleOrDefaultAsync(c => c.Id == commitmentId);
        if (commitment is null)
        {
            return null;
        }

        return (await WithProgressAsync([commitment])).Single();
    }

    /// <summary>The commitment alone, for forms about it, without working out its progress; null if the person may not see it.</summary>
    public Task<Commitment?> FindAsync(ChildAccess childAccess, Guid commitmentId) =>
        db.Commitments.AsNoTracking().VisibleTo(childAccess).SingleOrDefaultAsync(c => c.Id == commitmentId);

    /// <summary>One of the commitment's delivery records, for forms about it; null if the person may not see the commitment.</summary>
    public Task<DeliveryRecord?> FindDeliveryAsync(ChildAccess childAccess, Guid commitmentId, Guid deliveryId) =>
        db.DeliveryRecords.AsNoTracking()
            .Where(d => db.Commitments.VisibleTo(childAccess).Any(c => c.Id == d.CommitmentId))
            .SingleOrDefaultAsync(d => d.Id == deliveryId && d.CommitmentId == commitmentId);

    public Task<List<DeliveryRecord>> ListDeliveriesAsync(Guid commitmentId) =>
        db.DeliveryRecords.AsNoTracking().Where(d => d.CommitmentId == commitmentId).OrderByDescending(d => d.Date).ThenByDescending(d => d.RecordedAt).ToListAsync();

    public Task<List<CommitmentComment>> ListCommentsAsync(Guid commitmentId) =>
        db.CommitmentComments.AsNoTracking().Where(c => c.CommitmentId == commitmentId).OrderBy(c => c.At).ToListAsync();

    /// <summary>
    /// What a professional has promised and not yet closed, for every child whose team they are on and whose family
    /// shares commitments with them today.
    /// </summary>
    public async Task<IReadOnlyList<OwedCommitment>> ListOwedByAsync(Guid userId)
    {
        var today = timeProvider.TodayInUk();
        // Found first, so the commitments are read through their owner's index rather than by checking every one.
        var professionalId = await db.Professionals.Where(p => p.UserAccountId == userId && p.DeactivatedAt == null).Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        if (professionalId is null)
        {
            return [];
        }

        // Shared with them today: the Commitments part and, for one about health, education, social care or transport, that part too.
        var owned = db.Commitments.Where(c =>
            c.OwnerProfessionalId == professionalId
            && (c.Status == CommitmentStatus.Proposed || c.Status == CommitmentStatus.Agreed || c.Status == CommitmentStatus.Active)
            && db.TeamMembers.Any(t => t.ChildId == c.ChildId && t.ProfessionalId == c.OwnerProfessionalId && t.LeftAt == null
                && t.Consents.Any(s => s.Area == RecordArea.Commitments && s.WithdrawnAt == null && s.From <= today && (s.Until == null || s.Until >= today))
                && (c.RecordArea == CommitmentArea.Other
                    || t.Consents.Any(s => s.WithdrawnAt == null && s.From <= today && (s.Until == null || s.Until >= today)
                        && ((c.RecordArea == CommitmentArea.Education && s.Area == RecordArea.Education)
                            || (c.RecordArea == CommitmentArea.Health && s.Area == RecordArea.Health)
                            || (c.RecordArea == CommitmentArea.SocialCare && s.Area == RecordArea.SocialCare)
                            || (c.RecordArea == CommitmentArea.Transport && s.Area == RecordArea.Transport))))));
        var commitments = await owned.AsNoTracking().ToListAsync();
        var childIds = commitments.Select(c => c.ChildId).Distinct().ToList();
        var names = await db.Children.Where(c => childIds.Contains(c.Id))
            .Select(c => new { c.Id, Name = (c.PreferredName ?? c.FirstName) + " " + c.LastName }).ToDictionaryAsync(c => c.Id, c => c.Name);
        return (await WithProgressAsync(commitments))
            .Select(c => new OwedCommitment(c.Commitment.ChildId, names[c.Commitment.ChildId], c.Commitment, c.Progress, c.OpenDisputes))
            .OrderBy(c => c.ChildName, StringComparer.CurrentCulture).ThenBy(c => c.Commitment.CreatedAt)
            .ToList();
    }

    /// <summary>For an organisation's leads: each member of staff's open commitments counted by how they stand.</summary>
    public async Task<IReadOnlyList<OwnerSummary>> SummariseForOrganisationAsync(Guid organisationId)
    {
        var commitments = await db.Commitments.AsNoTracking()
            .Where(c => c.OwnerOrganisationId == organisationId && (c.Status == CommitmentStatus.Agreed || c.Status == CommitmentStatus.Active || c.Status == CommitmentStatus.Proposed))
            .ToListAsync();
        return (await WithProgressAsync(commitments))
            .GroupBy(c => c.Commitment.OwnerName)
            .Select(g => new OwnerSummary(g.Key, g.Count(),
                g.Count(c => c.Progress.Status == ProgressStatus.OnTrack),
                g.Count(c => c.Progress.Status == ProgressStatus.DueSoon),
                g.Count(c => c.Progress.Status == ProgressStatus.Overdue),
                g.Count(c => c.Progress.Status == ProgressStatus.Behind),
                g.Count(c => c.Progress.Status == ProgressStatus.NotStarted),
                g.Sum(c => c.OpenDisputes)))
            .OrderBy(s => s.OwnerName, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>Whether the person may change the commitment: its owner, or an admin of the owner's organisation.</summary>
    public async Task<bool> MayChangeAsync(Commitment commitment, Guid userId) =>
        await db.Professionals.AnyAsync(p => p.UserAccountId == userId && p.DeactivatedAt == null
            && (p.Id == commitment.OwnerProfessionalId || (p.IsOrganisationAdmin && p.OrganisationId == commitment.OwnerOrganisationId)));

    /// <summary>
    /// Adds planned against delivered to each commitment: what was delivered is kept on the commitment, term dates are
    /// those of each owner's organisation.
    /// </summary>
    private async Task<IReadOnlyList<CommitmentWithProgress>> WithProgressAsync(IReadOnlyList<Commitment> commitments)
    {
        if (commitments.Count == 0)
        {
            return [];
        }

        var organisations = commitments.Where(c => c.TermTimeOnly).Select(c => c.OwnerOrganisationId).Distinct().ToList();
        var terms = (await db.TermDates.AsNoTracking().Where(t => organisations.Contains(t.OrganisationId)).ToListAsync())
            .GroupBy(t => t.OrganisationId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TermPeriod>)g.Select(t => new TermPeriod(t.StartDate, t.EndDate)).ToList());
        var today = timeProvider.TodayInUk();
        return commitments.Select(c => new CommitmentWithProgress(
            c, CommitmentProgress.Of(c, c.DeliveredSoFar, today, terms.GetValueOrDefault(c.OwnerOrganisationId, [])), c.OpenDisputes)).ToList();
    }
}
