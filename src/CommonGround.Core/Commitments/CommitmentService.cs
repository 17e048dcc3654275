using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Concerns;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Organisations;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Commitments;

/// <summary>A commitment with how it stands today, and whether a family dispute is waiting on its owner.</summary>
public sealed record CommitmentWithProgress(Commitment Commitment, CommitmentProgress Progress, int OpenDisputes);

/// <summary>A commitment a professional owes, with the child it is for.</summary>
public sealed record OwedCommitment(Guid ChildId, string ChildName, Commitment Commitment, CommitmentProgress Progress, int OpenDisputes)
{
    public bool IsDisputed => OpenDisputes > 0;
}

/// <summary>Which of a professional's open commitments "What I owe" shows; each but All and Disputed is how a commitment stands.</summary>
public enum OwedFilter
{
    All,
    Overdue,
    Behind,
    Disputed,
    DueSoon,
    Proposed,
    OnTrack,
}

/// <summary>A professional's open commitments counted by how they stand; a disputed one is also counted by how it stands.</summary>
public sealed record OwedCounts(int All, int Overdue, int Behind, int Disputed, int DueSoon, int Proposed, int OnTrack)
{
    public static OwedCounts None { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public int Of(OwedFilter filter) => filter switch
    {
        OwedFilter.Overdue => Overdue,
        OwedFilter.Behind => Behind,
        OwedFilter.Disputed => Disputed,
        OwedFilter.DueSoon => DueSoon,
        OwedFilter.Proposed => Proposed,
        OwedFilter.OnTrack => OnTrack,
        _ => All,
    };
}

/// <summary>One page of what a professional owes, with the counts every filter would show.</summary>
public sealed record OwedPage(IReadOnlyList<OwedCommitment> Items, OwedCounts Counts, OwedFilter Filter, int Page, int PageCount)
{
    public const int Size = 25;
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
    /// shares commitments with them today, in child order: for a download of all of it.
    /// </summary>
    public async Task<IReadOnlyList<OwedCommitment>> ListOwedByAsync(Professional owner)
    {
        var owned = OwnedBy(owner);

        var rows = await Rows(owned).OrderBy(r => r.ChildName).ThenBy(r => r.Commitment.CreatedAt).ToListAsync();
        return await WithProgressAsync(rows);
    }

    /// <summary>How many of the professional's open commitments stand each way, counted by the database.</summary>
    public async Task<OwedCounts> CountOwedByAsync(Professional owner) => (await CountAsync(OwnedBy(owner))).Counts;

    /// <summary>
    /// How many stand each way, and whether every one's kept place holds today. Those whose place holds are counted from
    /// the owner's index alone; the few changed since they were placed are worked out one by one.
    /// </summary>
    private async Task<(OwedCounts Counts, bool AllPlaced)> CountAsync(IQueryable<Commitment> owned)
    {
        var (today, soon) = StandingDays();
        var placed = owned.AsNoTracking().Where(c => c.OwedOrderHoldsUntil >= today)
            .GroupBy(c => c.OwedOrder).Select(g => new { Place = g.Key, Placed = true, Count = g.Count() });
        var unplaced = owned.AsNoTracking().Where(c => c.OwedOrderHoldsUntil < today)
            .GroupBy(QueryParts.Inline((Commitment c) => OwedOrders.OrderOn.Apply(c, today, soon))).Select(g => new { Place = g.Key, Placed = false, Count = g.Count() });
        var groups = (await placed.Concat(unplaced).ToListAsync())
            .Select(g => (Of: OwedOrders.Of(g.Place), g.Placed, g.Count)).ToList();
        int Count(OwedFilter standing) => groups.Where(g => g.Of.Standing == standing).Sum(g => g.Count);
        var counts = new OwedCounts(groups.Sum(g => g.Count), Count(OwedFilter.Overdue), Count(OwedFilter.Behind), groups.Where(g => g.Of.Disputed).Sum(g => g.Count),
            Count(OwedFilter.DueSoon), Count(OwedFilter.Proposed), Count(OwedFilter.OnTrack));
        return (counts, groups.All(g => g.Placed));
    }

    /// <summary>
    /// One page of the professional's open commitments that <paramref name="filter"/> picks: the most pressing first
    /// (overdue, behind, due soon, proposed, then on track; disputed first within each), then by child. Picked,
    /// ordered and cut to the page by the database, so a page costs the same whatever the caseload.
    /// </summary>
    public async Task<OwedPage> PageOwedByAsync(Professional owner, OwedFilter filter, int page)
    {
        var owned = OwnedBy(owner);

        var (counts, allPlaced) = await CountAsync(owned);
        var pageCount = Math.Max(1, (counts.Of(filter) + OwedPage.Size - 1) / OwedPage.Size);
        page = Math.Clamp(page, 1, pageCount);
        if (counts.Of(filter) == 0)
        {
            return new OwedPage([], counts, filter, page, pageCount);
        }

        // Read from the kept places when all of them hold today, through the owner's index in order; else worked out.
        var shown = await PageOfAsync(allPlaced ? PlacedRows(owned) : Rows(owned), filter, page);
        return new OwedPage(await WithProgressAsync(shown), counts, filter, page, pageCount);
    }

    /// <summary>The rows <paramref name="filter"/> picks, most pressing first, cut to the page.</summary>
    private static Task<List<OwedRow>> PageOfAsync(IQueryable<OwedRow> rows, OwedFilter filter, int page)
    {
        var (first, last) = OwedOrders.PlacesOf(filter);
        var picked = filter switch
        {
            OwedFilter.All => rows,
            // Written into the statement, so the database reads the places of disputed ones from the index, not every place.
            OwedFilter.Disputed => rows.Where(r => EF.Constant(OwedOrders.DisputedPlaces).Contains(r.Place)),
            _ => rows.Where(r => r.Place >= first && r.Place <= last),
        };
        return picked
            .OrderBy(r => r.Place).ThenBy(r => r.ChildName).ThenBy(r => r.Commitment.CreatedAt).ThenBy(r => r.Commitment.Id)
            .Skip((page - 1) * OwedPage.Size).Take(OwedPage.Size)
            .ToListAsync();
    }

    private sealed class OwedRow
    {
        public required Commitment Commitment { get; init; }
        public required string ChildName { get; init; }
        /// <summary>Its place on the page (<see cref="OwedOrders.OrderOn"/>).</summary>
        public required int Place { get; init; }
    }

    private (DateOnly Today, DateOnly Soon) StandingDays()
    {
        var today = timeProvider.TodayInUk();
        return (today, today.AddDays(CommitmentProgress.DueSoonDays));
    }

    /// <summary>Each commitment with the child's name and the place it keeps (holding today only if it is not unsettled).</summary>
    private static IQueryable<OwedRow> PlacedRows(IQueryable<Commitment> commitments) =>
        commitments.AsNoTracking().Select(c => new OwedRow { Commitment = c, ChildName = c.ChildSortName, Place = c.OwedOrder });

    /// <summary>Each commitment with its child's name and its place worked out (<see cref="OwedOrders.OrderOn"/>).</summary>
    private IQueryable<OwedRow> Rows(IQueryable<Commitment> commitments)
    {
        var (today, soon) = StandingDays();
        return commitments.AsNoTracking().Join(db.Children, c => c.ChildId, child => child.Id, QueryParts.Inline((Commitment c, Child child) => new OwedRow
        {
            Commitment = c,
            ChildName = Child.ShownNameOf.Apply(child),
            Place = OwedOrders.OrderOn.Apply(c, today, soon),
        }));
    }

    /// <summary>
    /// The open commitments the signed-in professional owns, for children whose team they are on and whose family
    /// shares with them today the Commitments part and, for one about health, education, social care or transport,
    /// that part too. Read through their owner's index by the professional's id.
    /// </summary>
    private IQueryable<Commitment> OwnedBy(Professional owner)
    {
        var today = timeProvider.TodayInUk();
        var professionalId = owner.Id;

        // What the place shares is asked of the place's kept parts, not of every sharing decision, one commitment at a time.
        return db.Commitments.Where(QueryParts.Inline((Commitment c) =>
            c.OwnerProfessionalId == professionalId
            && (c.Status == CommitmentStatus.Proposed || c.Status == CommitmentStatus.Agreed || c.Status == CommitmentStatus.Active)
            && db.TeamMembers.Any(t => t.ChildId == c.ChildId && t.ProfessionalId == c.OwnerProfessionalId && t.LeftAt == null
                && SharedParts.SharesOn.Apply(t, RecordArea.Commitments, today)
                && (c.RecordArea == CommitmentArea.Other
                    || (c.RecordArea == CommitmentArea.Education && SharedParts.SharesOn.Apply(t, RecordArea.Education, today))
                    || (c.RecordArea == CommitmentArea.Health && SharedParts.SharesOn.Apply(t, RecordArea.Health, today))
                    || (c.RecordArea == CommitmentArea.SocialCare && SharedParts.SharesOn.Apply(t, RecordArea.SocialCare, today))
                    || (c.RecordArea == CommitmentArea.Transport && SharedParts.SharesOn.Apply(t, RecordArea.Transport, today))))));
    }

    private async Task<IReadOnlyList<OwedCommitment>> WithProgressAsync(IReadOnlyList<OwedRow> rows) =>
        (await WithProgressAsync(rows.Select(r => r.Commitment).ToList()))
            .Zip(rows, (c, r) => new OwedCommitment(c.Commitment.ChildId, r.ChildName, c.Commitment, c.Progress, c.OpenDisputes))
            .ToList();

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
