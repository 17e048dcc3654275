using System.Linq.Expressions;
using System.Security.Claims;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Infrastructure.Security;

/// <summary>The signed-in person as the database knows them now, not as their cookie remembers them.</summary>
public sealed record Person(UserAccount Account, Professional? Professional, Organisation? Organisation)
{
    public bool IsServiceAdmin => Account.Kind == AccountKind.ServiceAdmin;
    public bool IsFamily => Account.Kind == AccountKind.Family;
    public bool IsProfessional => Account.Kind == AccountKind.Professional && Professional is { IsActive: true };
    public bool IsOrganisationAdmin => IsProfessional && Professional!.IsOrganisationAdmin;

    /// <summary>A young person whose only record is their own: addressed as themself, never as a parent.</summary>
    public bool IsYoungPerson { get; init; }

    /// <summary>
    /// Whether any notification to the person is unread, asked with the person so that the menu of most pages, which
    /// has nothing unread to count, sends no query of its own.
    /// </summary>
    public bool HasUnreadNotifications { get; init; }
}

/// <summary>Loads the signed-in person once per request.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, CommonGroundDbContext db)
{
    private Person? _person;
    private bool _loaded;

    public Guid? UserId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public async Task<Person?> GetAsync()
    {
        if (_loaded)
        {
            return _person;
        }

        _loaded = true;
        if (UserId is not { } id)
        {
            return null;
        }

        _person = accessor.HttpContext is { } http && DatabaseTicketStore.PersonRead(http) is { } read && read.Account.Id == id
            ? Track(read)
            : await ReadPerson.For(db)(db, id);
        return _person;
    }

    /// <summary>
    /// What the database says of a signed-in person: the account, any place at an organisation, whether a family account
    /// is only a young person's own, and whether anything waits unread. The session store reads it with the session, so
    /// most requests ask the database once for both.
    /// </summary>
    public static readonly Expression<Func<CommonGroundDbContext, UserAccount, Professional?, Person>> PersonOf = (db, u, p) =>
        new Person(u, p, p == null ? null : p.Organisation)
        {
            IsYoungPerson = u.Kind == AccountKind.Family
                && db.FamilyMembers.Any(f => f.UserAccountId == u.Id)
                && !db.FamilyMembers.Any(f => f.UserAccountId == u.Id && f.Relationship != Core.Children.FamilyRelationship.YoungPerson),
            HasUnreadNotifications = db.Notifications.Any(n => n.RecipientUserId == u.Id && n.ReadAt == null),
        };

    private static readonly CompiledPerModel<Func<CommonGroundDbContext, Guid, Task<Person?>>> ReadPerson = new(() => EF.CompileAsyncQuery(QueryParts.Inline(
        (CommonGroundDbContext db, Guid id) => (
                from u in db.Users
                where u.Id == id
                join p in db.Professionals on u.Id equals p.UserAccountId into places
                from p in places.DefaultIfEmpty()
                select PersonOf.Apply(db, u, p))
            .SingleOrDefault())));

    /// <summary>
    /// A person read with the session, tracked by this request's context as if read through it, so that a page
    /// changing the person's account saves through its own context as before.
    /// </summary>
    private Person Track(Person read) => read with
    {
        Account = Tracked(read.Account, a => a.Id)!,
        Professional = Tracked(read.Professional, p => p.Id),
        Organisation = Tracked(read.Organisation, o => o.Id),
    };

    private T? Tracked<T>(T? entity, Func<T, Guid> key) where T : class
    {
        if (entity is null)
        {
            return null;
        }

        if (db.Set<T>().Local.FindEntry(key(entity)) is { } already)
        {
            return already.Entity;
        }

        db.Attach(entity);
        return entity;
    }

    /// <summary>The signed-in person as the audit log records them. Only for requests that need sign-in.</summary>
    public async Task<UserActor> ActorAsync() =>
        await GetAsync() is { } person
            ? new UserActor(person.Account.Id, person.Account.DisplayName)
            {
                OrganisationId = person.Professional?.OrganisationId,
                AreaId = person.Professional?.AreaId,
                OrganisationName = person.Organisation?.Name,
                IpAddress = IpAddress,
            }
            : throw new InvalidOperationException("This request has nobody signed in.");

    /// <summary>Someone not signed in (yet): registering, or accepting an invitation with a new account.</summary>
    public VisitorActor Visitor => new("Someone not signed in") { IpAddress = IpAddress };

    /// <summary>An account as the audit log records it when it acts before its sign-in is complete (a second factor, a password reset).</summary>
    public UserActor ActorFor(UserAccount account) => new(account.Id, account.DisplayName) { IpAddress = IpAddress };

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
