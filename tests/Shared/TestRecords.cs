using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using Microsoft.AspNetCore.Identity;

namespace CommonGround.Testing;

/// <summary>
/// Builds the records a test starts from, each with what it must hold filled in, so a test names only what it is
/// about. Nothing is saved until <see cref="SaveAsync"/>; every account signs in with <see cref="Password"/>.
/// </summary>
public sealed class TestRecords(CommonGroundDbContext db, string passwordHash, DateTime now, DateOnly today)
{
    /// <summary>The password of every account these records build.</summary>
    public const string Password = "Test-records-password-2026";

    /// <summary>Records built as of the clock's now, signing in with <see cref="Password"/>.</summary>
    public static TestRecords Create(CommonGroundDbContext db, IPasswordHasher<UserAccount> hasher, TimeProvider time) =>
        new(db, hasher.HashPassword(null!, Password), time.UtcNow(), time.TodayInUk());

    public DateTime Now => now;
    public DateOnly Today => today;

    public Area Area(string name, string code)
    {
        var area = new Area { Name = name, Code = code, CreatedAt = now };
        db.Areas.Add(area);
        return area;
    }

    public Organisation Organisation(Area area, string name, OrganisationKind kind, string? contactEmail = null) =>
        Organisation(area.Id, name, kind, contactEmail);

    public Organisation Organisation(Guid areaId, string name, OrganisationKind kind, string? contactEmail = null)
    {
        var organisation = new Organisation { AreaId = areaId, Name = name, Kind = kind, ContactEmail = contactEmail, CreatedAt = now };
        db.Organisations.Add(organisation);
        return organisation;
    }

    /// <summary>An account whose email is confirmed, as if its owner had finished signing up.</summary>
    public UserAccount Account(string email, string name, AccountKind kind)
    {
        var account = new UserAccount
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, PasswordHash = passwordHash, DisplayName = name, Kind = kind, CreatedAt = now, LockoutEnabled = true,
        };
        db.Users.Add(account);
        return account;
    }

    public UserAccount FamilyAccount(string email, string name) => Account(email, name, AccountKind.Family);

    /// <summary>A professional with their own account, working for <paramref name="organisation"/>.</summary>
    public Professional Professional(Organisation organisation, string email, string name, string jobTitle, bool admin = false)
    {
        var professional = new Professional
        {
            UserAccountId = Account(email, name, AccountKind.Professional).Id, OrganisationId = organisation.Id, AreaId = organisation.AreaId,
            JobTitle = jobTitle, IsOrganisationAdmin = admin, JoinedAt = now,
        };
        db.Professionals.Add(professional);
        return professional;
    }

    /// <summary>A child whose age is counted back from today, so it stays the same whenever the test runs.</summary>
    public Child Child(Area area, string firstName, string lastName, int years, int days = 0, string? preferredName = null)
    {
        var child = new Child
        {
            AreaId = area.Id, FirstName = firstName, LastName = lastName, PreferredName = preferredName,
            DateOfBirth = today.AddYears(-years).AddDays(-days), CreatedAt = now,
        };
        db.Children.Add(child);
        return child;
    }

    public FamilyMember Family(Child child, UserAccount account, FamilyRelationship relationship = FamilyRelationship.ParentCarer)
    {
        var member = new FamilyMember { ChildId = child.Id, UserAccountId = account.Id, Relationship = relationship, JoinedAt = now };
        db.FamilyMembers.Add(member);
        return member;
    }

    /// <summary>
    /// Puts <paramref name="professional"/> on the child's team, shared the parts of the record in <paramref name="shared"/>
    /// from <paramref name="sharedFrom"/> (today unless given), as chosen by <paramref name="sharedBy"/>.
    /// </summary>
    public TeamMember Team(Child child, Professional professional, string role, Guid sharedBy, bool keyWorker = false, DateOnly? sharedFrom = null, params RecordArea[] shared)
    {
        var member = new TeamMember
        {
            ChildId = child.Id, ProfessionalId = professional.Id, AreaId = child.AreaId, Role = role, IsKeyWorker = keyWorker, JoinedAt = now, AddedByUserId = sharedBy,
        };
        db.TeamMembers.Add(member);
        foreach (var area in shared)
        {
            db.SharingConsents.Add(new SharingConsent
            {
                TeamMemberId = member.Id, ChildId = child.Id, Area = area, From = sharedFrom ?? today, GrantedByUserId = sharedBy, GrantedAt = now,
            });
        }

        return member;
    }

    public Task SaveAsync(CancellationToken cancellationToken = default) => db.SaveChangesAsync(cancellationToken);
}
