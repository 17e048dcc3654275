using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Children;

public sealed record AddChildOptions(Guid AreaId, string FirstName, string LastName, string? PreferredName, DateOnly DateOfBirth, FamilyRelationship Relationship);

public sealed class ChildService(CommonGroundDbContext db, TimeProvider timeProvider)
{
    /// <summary>The children whose family the person belongs to.</summary>
    public Task<List<Child>> ListFamilyChildrenAsync(Guid userId) =>
        db.Children.Where(c => c.FamilyMembers.Any(f => f.UserAccountId == userId))
            .OrderBy(c => c.DateOfBirth)
            .ToListAsync();

    /// <summary>A parent carer or young person starts a child's record; they become its first family member.</summary>
    public async Task<Result<Child>> AddChildAsync(AddChildOptions options, Actor actor)
    {
        var user = actor.UserId is { } id ? await db.Users.SingleOrDefaultAsync(u => u.Id == id) : null;
        if (user is not { Kind: AccountKind.Family })
        {
            return new OnlyFamiliesAddChildren();
        }

        if (!await db.Areas.AnyAsync(a => a.Id == options.AreaId))
        {
            return new ChildAreaNotFound();
        }

        var today = timeProvider.TodayInUk();
        var now = timeProvider.UtcNow();
        var child = new Child
        {
            AreaId = options.AreaId,
            FirstName = options.FirstName.Trim(),
            LastName = options.LastName.Trim(),
            PreferredName = string.IsNullOrWhiteSpace(options.PreferredName) ? null : options.PreferredName.Trim(),
            DateOfBirth = options.DateOfBirth,
            CreatedAt = now,
        };
        if (options.DateOfBirth > today)
        {
            return new DateOfBirthInFuture();
        }

        if (child.AgeOn(today) > 25)
        {
            return new TooOldForSend();
        }

        if (options.Relationship == FamilyRelationship.YoungPerson && child.AgeOn(today) < 16)
        {
            return new TooYoungForOwnAccount();
        }

        db.Children.Add(child);
        db.FamilyMembers.Add(new FamilyMember { ChildId = child.Id, UserAccountId = user.Id, Relationship = options.Relationship, JoinedAt = now });
        db.AuditEvents.Add(AuditEvent.For(actor with { AreaId = options.AreaId }, now, AuditActions.ChildAdded, nameof(Child), child.Id, "Started a child's record"));
        await db.SaveChangesAsync();
        return child;
    }
}
