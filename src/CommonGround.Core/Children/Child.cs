using System.Linq.Expressions;
using CommonGround.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Children;

/// <summary>A child or young person whose record the family owns.</summary>
public sealed class Child
{
    public const int MaxClosedNoteLength = 1_000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid AreaId { get; init; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    /// <summary>The name the child likes to be called, if not their first name.</summary>
    public string? PreferredName { get; set; }
    public required DateOnly DateOfBirth { get; set; }
    public required DateTime CreatedAt { get; init; }
    public List<FamilyMember> FamilyMembers { get; init; } = [];
    public List<Team.TeamMember> TeamMembers { get; init; } = [];

    /// <summary>When the record was closed: no new work, still there for the family to read and download until it is erased.</summary>
    public DateOnly? ClosedOn { get; private set; }
    /// <summary>The retention rule it was closed under (<see cref="DataRights.RetentionSchedule"/>).</summary>
    public string? ClosedUnderRule { get; private set; }
    public string? ClosedByName { get; private set; }
    /// <summary>Why, in the words of the person who closed it, for the family.</summary>
    public string? ClosedNote { get; private set; }
    /// <summary>The day the nightly erasure removes the record, worked out from the rule when it was closed.</summary>
    public DateOnly? EraseOn { get; private set; }

    public bool IsClosed => ClosedOn is not null;

    public void Close(DataRights.RetentionRule rule, string note, string byName, DateOnly today)
    {
        if (IsClosed)
        {
            throw new InvalidOperationException("This record is already closed");
        }

        (ClosedOn, ClosedUnderRule, ClosedNote, ClosedByName, EraseOn) = (today, rule.Key, note, byName, rule.EraseOn(DateOfBirth, today));
    }

    public void Reopen() => (ClosedOn, ClosedUnderRule, ClosedNote, ClosedByName, EraseOn) = (null, null, null, null, null);

    public string KnownAs => PreferredName ?? FirstName;

    /// <summary>How lists and messages name a child: the name they go by, then their last name.</summary>
    public string ShownName => $"{KnownAs} {LastName}";

    /// <summary><see cref="ShownName"/> for a query, so the database names each child as the app does.</summary>
    public static readonly Expression<Func<Child, string>> ShownNameOf = child => (child.PreferredName ?? child.FirstName) + " " + child.LastName;

    public string FullName => $"{FirstName} {LastName}";

    /// <summary>Age in whole years on a date; from 16 a young person has rights of their own.</summary>
    public int AgeOn(DateOnly date) => AgeOn(DateOfBirth, date);

    public static int AgeOn(DateOnly dateOfBirth, DateOnly date)
    {
        var age = date.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > date ? age - 1 : age;
    }
}

public sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> e)
    {
        e.Property(c => c.FirstName).HasMaxLength(100);
        e.Property(c => c.LastName).HasMaxLength(100);
        e.Property(c => c.PreferredName).HasMaxLength(100);
        e.HasOne<Area>().WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.Property(c => c.ClosedUnderRule).HasMaxLength(40);
        e.Property(c => c.ClosedByName).HasMaxLength(200);
        e.Property(c => c.ClosedNote).HasMaxLength(Child.MaxClosedNoteLength);
        e.HasIndex(c => c.AreaId);
        e.HasIndex(c => c.EraseOn);
    }
}
