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

    public bool IsActive => LeftAt is null;

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
        e.HasOne<Child>().WithMany(c => c.TeamMembers).HasForeignKey(t => t.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(t => t.Professional).WithMany().HasForeignKey(t => t.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Area>().WithMany().HasForeignKey(t => t.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(t => t.Consents).WithOne().HasForeignKey(c => c.TeamMemberId).OnDelete(DeleteBehavior.Restrict);
        // Access checks find a person's place on a child's team, and its id for what it shares, from the index alone.
        e.HasIndex(t => new { t.ChildId, t.ProfessionalId, t.LeftAt, t.Id });
        e.HasIndex(t => new { t.ProfessionalId, t.LeftAt });
    }
}
