using CommonGround.Core.Team;
using System.Linq.Expressions;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Access;

public sealed class AccessService(CommonGroundDbContext db, ChildReadLog readLog, TimeProvider timeProvider)
{
    /// <summary>
    /// Access already worked out in this unit of work: the page's check and the use case it calls ask the same question,
    /// and the database answers it once. Any save may change the answer (a place on the team, a sharing decision), so
    /// it is forgotten then.
    /// </summary>
    private readonly Dictionary<(Guid ChildId, Guid UserId), ChildAccess?> _known = [];

    /// <summary>
    /// Children read in this unit of work with their whole family, so a second person's access to the same child (the
    /// owner a concern is raised for, each person who may be given one) needs only that person's place.
    /// </summary>
    private readonly Dictionary<Guid, ChildAndFamily> _childrenRead = [];
    private bool _forgetsOnSave;

    /// <summary>An active member of staff's active place on a team: the staff half of <see cref="Related"/>.</summary>
    private static readonly Expression<Func<TeamMember, Guid, bool>> ActivePlaceOf = (place, userId) =>
        place.LeftAt == null && place.Professional!.UserAccountId == userId && place.Professional.DeactivatedAt == null;

    /// <summary>
    /// The one rule for who has a relationship with a child: a family member, or an active member of staff with an
    /// active place on the child's team. It filters lists and it guards single records.
    /// </summary>
    public static readonly Expression<Func<Child, Guid, bool>> Related = QueryParts.Inline((Child child, Guid userId) =>
        child.FamilyMembers.Any(f => f.UserAccountId == userId)
        || child.TeamMembers.Any(t => ActivePlaceOf.Apply(t, userId)));

    /// <summary><see cref="Related"/> for one person, to filter a list.</summary>
    public static Expression<Func<Child, bool>> VisibleTo(Guid userId) => QueryParts.Inline((Child child) => Related.Apply(child, userId));

    private sealed record ChildAndFamily(Child Child, List<FamilyMember> Family);

    private sealed record Place(Guid Id, bool IsKeyWorker, bool IsTeamLead, Organisations.OrganisationKind Kind, List<SharingConsent> Consents);

    // Every page about a child asks both, so each is made into SQL once rather than on every request.
    private static readonly CompiledPerModel<Func<CommonGroundDbContext, Guid, Guid, Task<ChildAndFamily?>>> ChildSeenBy = new(() => EF.CompileAsyncQuery(QueryParts.Inline(
        (CommonGroundDbContext db, Guid childId, Guid userId) => db.Children.AsSingleQuery()
            .Where(c => c.Id == childId && Related.Apply(c, userId))
            .Select(c => new ChildAndFamily(c, c.FamilyMembers.ToList()))
            .SingleOrDefault())));

    private static readonly CompiledPerModel<Func<CommonGroundDbContext, Guid, Guid, Task<Place?>>> PlaceOf = new(() => EF.CompileAsyncQuery(QueryParts.Inline(
        (CommonGroundDbContext db, Guid childId, Guid userId) => db.TeamMembers.AsSingleQuery()
            .Where(t => t.ChildId == childId && ActivePlaceOf.Apply(t, userId))
            .Select(t => new Place(t.Id, t.IsKeyWorker, t.IsTeamLead, t.Professional!.Organisation!.Kind, t.Consents.ToList()))
            .SingleOrDefault())));

    /// <summary>
    /// The person's access to the child, or null when they have no relationship with it (show 404). Being given access
    /// notes the child in this request's <see cref="ChildReadLog"/>, so whatever is then shown of the child is logged.
    /// </summary>
    public async Task<ChildAccess?> GetAsync(Guid childId, Guid userId)
    {
        if (!_forgetsOnSave)
        {
            db.SavedChanges += (_, _) =>
            {
                _known.Clear();
                _childrenRead.Clear();
            };
            _forgetsOnSave = true;
        }

        if (!_known.TryGetValue((childId, userId), out var access))
        {
            access = _known[(childId, userId)] = await LoadAsync(childId, userId);
        }

        if (access is not null)
        {
            readLog.AccessGiven(userId, childId);
        }

        return access;
    }

    private async Task<ChildAccess?> LoadAsync(Guid childId, Guid userId)
    {
        // The child comes with its family (a few rows, joined directly); a professional's own place, with what the family
        // shares there, is a second query. Joined into the first, SQLite worked out every active place the person has
        // (hundreds for a caseworker) before keeping this child's, and each child's page took twice as long. A child
        // already read for someone else is not read again: the family is in hand, and the place query applies the rule.
        if (!_childrenRead.TryGetValue(childId, out var found))
        {
            found = await ChildSeenBy.For(db)(db, childId, userId);
            if (found is null)
            {
                return await EmergencyAccessAsync(childId, userId);
            }

            _childrenRead[childId] = found;
        }

        var (child, family, today) = (found.Child, found.Family, timeProvider.TodayInUk());
        var youngPersonDecides = ChildRelationship.DecidedByYoungPerson(child, today, family.Select(f => f.Relationship));
        var own = family.FirstOrDefault(f => f.UserAccountId == userId);
        if (own is not null)
        {
            return new ChildAccess(child, ChildRelationship.OfFamily(own.Relationship, youngPersonDecides), await FamilyAreasAsync(own, youngPersonDecides), null);
        }

        if (await PlaceOf.For(db)(db, childId, userId) is not { } place)
        {
            // Only a child read for someone else gets here: this person is neither family nor on the team.
            return await EmergencyAccessAsync(childId, userId);
        }

        return TeamAccess(child, youngPersonDecides, place.Id, place.IsKeyWorker, place.IsTeamLead, place.Kind,
            place.Consents.Where(c => c.IsActiveOn(today)).Select(c => c.Area));
    }

    /// <summary>Access through a place on the child's team: what the family shares with the place today, and no more.</summary>
    private static ChildAccess TeamAccess(Child child, bool youngPersonDecides, Guid placeId, bool isKeyWorker, bool isTeamLead,
        Organisations.OrganisationKind organisationKind, IEnumerable<RecordArea> areasSharedToday) =>
        new(child, new ChildRelationship(RelationshipKind.TeamMember, isKeyWorker, isTeamLead, organisationKind, youngPersonDecides),
            areasSharedToday.ToHashSet(), placeId);

    /// <summary>
    /// The person's access to each child on whose team they have a place today, by the rule <see cref="GetAsync"/> uses,
    /// in two queries however many children that is (a staff account is never family, so the family's side does not
    /// arise). Nothing is noted in the read log: the caller notes each child whose data it shows, as a list does.
    /// </summary>
    /// <param name="professionalId">The person's place at an organisation, which the caller has found still active.</param>
    public async Task<IReadOnlyDictionary<Guid, ChildAccess>> StaffAccessAsync(Guid professionalId)
    {
        var today = timeProvider.TodayInUk();
        var places = await StaffPlacesOf(professionalId).AsNoTracking()
            .Select(t => new
            {
                t.Id, t.ChildId, t.IsKeyWorker, t.IsTeamLead, t.Professional!.Organisation!.Kind,
                Areas = t.Consents.AsQueryable().Where(SharingConsent.ActiveOn(today)).Select(c => c.Area).ToList(),
            })
            .ToListAsync();
        var children = await db.Children.AsNoTracking().Where(c => StaffPlacesOf(professionalId).Any(t => t.ChildId == c.Id))
            .Select(c => new { Child = c, Family = c.FamilyMembers.Select(f => f.Relationship).ToList() })
            .ToDictionaryAsync(c => c.Child.Id);
        return places.Where(p => children.ContainsKey(p.ChildId)).ToDictionary(p => p.ChildId, p =>
        {
            var (child, family) = (children[p.ChildId].Child, children[p.ChildId].Family);
            return TeamAccess(child, ChildRelationship.DecidedByYoungPerson(child, today, family), p.Id, p.IsKeyWorker, p.IsTeamLead, p.Kind, p.Areas);
        });
    }

    /// <summary>
    /// Emergency access open now, for a lead who is still an active admin of a local authority in the child's area:
    /// every part of the record, to read only. Losing the admin role or leaving ends it at once.
    /// </summary>
    private async Task<ChildAccess?> EmergencyAccessAsync(Guid childId, Guid userId)
    {
        var now = timeProvider.UtcNow();
        var open = await db.EmergencyAccesses
            .Where(g => g.ChildId == childId && g.UserAccountId == userId).Where(EmergencyAccess.OpenAt(now))
            .Where(g => db.Professionals.Any(p => p.UserAccountId == userId && p.OrganisationId == g.OrganisationId && p.AreaId == g.AreaId
                && p.IsOrganisationAdmin && p.DeactivatedAt == null && p.Organisation!.Kind == Organisations.OrganisationKind.LocalAuthority))
            .AnyAsync();
        if (!open)
        {
            return null;
        }

        var child = await db.Children.SingleAsync(c => c.Id == childId);
        return new ChildAccess(child, new ChildRelationship(RelationshipKind.EmergencyReader, OrganisationKind: Organisations.OrganisationKind.LocalAuthority), RecordAreas.All, null);
    }

    /// <summary>
    /// The family sees every area, except that once a young person decides for themselves, the rest of their family
    /// sees what the young person's latest decision allows.
    /// </summary>
    private async Task<IReadOnlySet<RecordArea>> FamilyAreasAsync(FamilyMember member, bool youngPersonDecides)
    {
        var latest = member.Relationship == FamilyRelationship.YoungPerson || !youngPersonDecides
            ? null
            : await db.FamilySharingDecisions.Where(d => d.FamilyMemberId == member.Id)
                .OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).FirstOrDefaultAsync();
        return FamilySharingDecision.AreasSeenBy(member.Relationship, youngPersonDecides, latest);
    }

    /// <summary>
    /// The children the person sees as family, by part of the record, child by child (a family has few). What staff
    /// see is asked of the database inside each query (<see cref="StaffPlacesOf"/> and the parts kept on each place),
    /// so its cost does not grow with their caseload.
    /// </summary>
    public async Task<PartsSeen> FamilyPartsSeenByAsync(Guid userId)
    {
        var parts = new Dictionary<RecordArea, List<Guid>>();
        var family = await db.FamilyMembers.AsNoTracking().Where(f => f.UserAccountId == userId)
            .Select(f => new { f.ChildId, HasYoungPerson = db.FamilyMembers.Any(o => o.ChildId == f.ChildId && o.Relationship == FamilyRelationship.YoungPerson) })
            .ToListAsync();
        foreach (var member in family)
        {
            // Only where a young person may decide can a family see less than everything; there, the one rule decides.
            var seen = !member.HasYoungPerson ? RecordAreas.All : (await GetAsync(member.ChildId, userId))?.SharedAreas ?? new HashSet<RecordArea>();
            foreach (var part in seen)
            {
                (parts.TryGetValue(part, out var list) ? list : parts[part] = []).Add(member.ChildId);
            }
        }

        return new PartsSeen(parts.ToDictionary(p => p.Key, p => (IReadOnlyList<Guid>)p.Value));
    }

    /// <summary>
    /// The places on teams today of an active professional (none for null), as a query to use inside another. Found by
    /// the professional's own id: reached through their account instead, the database guessed the places of an average
    /// person and looked the professional up again for every row it tested.
    /// </summary>
    public IQueryable<TeamMember> StaffPlacesOf(Guid? professionalId) =>
        db.TeamMembers.Where(t => t.LeftAt == null && t.ProfessionalId == professionalId);
}
