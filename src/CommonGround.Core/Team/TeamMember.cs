using CommonGround.Core.Organisations;
using CommonGround.Core.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Team;

/// <summary>A professional's place on one child's team. Leaving ends the place; the row stays, so history is kept.</summary>
public sealed class TeamMember
{
    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required Guid ProfessionalId { get; init; }
    public Professional? Professional { get; init; }
    public required Guid AreaId { get; init; }
    /// <summary>What they do for this child, in the family's words, e.g. "Speech and language therapist".</summary>
    public required string Role { get; set; }
    public bool IsKeyWorker { get; set; }
    public bool IsTeamLead { get; set; }
    /// <summary>A team lead standing in as key worker because the key worker left, until a new one is chosen.</summary>
    public bool IsStandingIn { get; set; }
    public required DateTime JoinedAt { get; init; }
    public required Guid AddedByUserId { get; init; }
    public DateTime? LeftAt { get; private set; }
    public List<SharingConsent> Consents { get; init; } = [];

    /// <summary>
    /// The parts shared with the place by decisions in force from the day they were made until withdrawn, a bit each
    /// (<see cref="SharedParts.Bit"/>), so a list can ask one row whether it may show a child's part. Kept by
    /// <see cref="SharingKept"/> with every save that adds or withdraws a decision; never depends on the day.
    /// </summary>
    public int SharedPartBits { get; private set; }

    /// <summary>
    /// Whether any decision not withdrawn starts later than it was made or has an end date: for those, whether a part is
    /// shared depends on the day, so readers ask the decisions themselves (<see cref="SharedParts.SharesOn"/>).
    /// </summary>
    public bool SharesWithDates { get; private set; }

    /// <summary>Moved on by every save that changes the place's sharing, so two at once cannot both keep their own answer.</summary>
    public int SharingVersion { get; private set; }

    /// <summary>
    /// The child's names and date of birth, kept on the place so a person's list of children is read in its order from
    /// an index instead of every child being sorted. Written when the place is added (<see cref="PlacesKeepTheirChild"/>);
    /// a child's names and date of birth are never changed once given. A way to change them must change these too.
    /// </summary>
    public string ChildLastName { get; private set; } = "";
    public string ChildFirstName { get; private set; } = "";
    public DateOnly ChildDateOfBirth { get; private set; }

    public bool IsActive => LeftAt is null;

    internal void KeepChild(string lastName, string firstName, DateOnly dateOfBirth) =>
        (ChildLastName, ChildFirstName, ChildDateOfBirth) = (lastName, firstName, dateOfBirth);

    /// <summary>Keeps what is shared with the place from all its decisions not withdrawn (see <see cref="SharingKept"/>).</summary>
    internal void KeepSharing(IEnumerable<SharingConsent> decisions)
    {
        var standing = decisions.Where(c => c.WithdrawnAt is null).ToList();
        SharedPartBits = standing.Where(c => c.InForceUntilWithdrawn).Aggregate(0, (bits, c) => bits | SharedParts.Bit(c.Area));
        SharesWithDates = standing.Any(c => !c.InForceUntilWithdrawn);
        SharingVersion++;
    }

    /// <summary>Ends the place: they stop being key worker and everything shared with them is withdrawn (load <see cref="Consents"/> first).</summary>
    public void Leave(Guid byUserId, DateTime now)
    {
        LeftAt ??= now;
        IsKeyWorker = false;
        IsStandingIn = false;
        foreach (var consent in Consents)
        {
            consent.Withdraw(byUserId, now);
        }
    }
}

public sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> e)
    {
        e.Property(t => t.Role).HasMaxLength(200);
        e.Property(t => t.SharingVersion).IsConcurrencyToken();
        e.HasOne<Child>().WithMany(c => c.TeamMembers).HasForeignKey(t => t.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(t => t.Professional).WithMany().HasForeignKey(t => t.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Area>().WithMany().HasForeignKey(t => t.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(t => t.Consents).WithOne().HasForeignKey(c => c.TeamMemberId).OnDelete(DeleteBehavior.Restrict);
        // Access checks find a person's place on a child's team, its id and what it shares, from the index alone.
        e.HasIndex(t => new { t.ChildId, t.ProfessionalId, t.LeftAt, t.Id, t.SharedPartBits, t.SharesWithDates });
        // A person's children are listed by name or by age, a page at a time, from these; the child's id ends each order so
        // that children who share a name and a birthday keep one place each from page to page.
        e.Property(t => t.ChildLastName).HasMaxLength(100);
        e.Property(t => t.ChildFirstName).HasMaxLength(100);
        e.HasIndex(t => new { t.ProfessionalId, t.LeftAt, t.ChildLastName, t.ChildFirstName, t.ChildId });
        e.HasIndex(t => new { t.ProfessionalId, t.LeftAt, t.ChildDateOfBirth, t.ChildLastName, t.ChildFirstName, t.ChildId });
        // Needs attention goes through every one of a person's places to count them and find those to work out again, and
        // reads each from this index alone: over 3,000 places SQLite's count took 10 ms through a name index, 6.5 through
        // an index of the person's places alone (each row read after it), and half that again through this one.
        e.HasIndex(t => new { t.ProfessionalId, t.LeftAt, t.Id, t.ChildId, t.SharedPartBits, t.SharesWithDates });
    }
}
