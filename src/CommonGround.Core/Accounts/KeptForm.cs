using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Accounts;

/// <summary>
/// What a person typed into a form they sent after their session had ended from lack of activity: kept, encrypted,
/// for a short time, so the form comes back filled in once they sign in again. Used once, then deleted.
/// </summary>
public sealed class KeptForm
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(2);
    public const int MaxPathLength = 500;
    /// <summary>The most a kept form holds, encrypted; a larger one is not kept.</summary>
    public const int MaxFieldsLength = 200_000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid UserAccountId { get; init; }
    /// <summary>The page the form was sent to, without its query.</summary>
    public required string Path { get; init; }
    /// <summary>The form's fields, encrypted with the service's data protection keys; the database never holds the words.</summary>
    public required string ProtectedFields { get; init; }
    public required DateTime KeptAt { get; init; }
    public required DateTime KeptUntil { get; init; }
}

public sealed class KeptFormConfiguration : IEntityTypeConfiguration<KeptForm>
{
    public void Configure(EntityTypeBuilder<KeptForm> e)
    {
        e.Property(f => f.Path).HasMaxLength(KeptForm.MaxPathLength);
        e.Property(f => f.ProtectedFields).HasMaxLength(KeptForm.MaxFieldsLength);
        e.HasOne<UserAccount>().WithMany().HasForeignKey(f => f.UserAccountId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(f => new { f.UserAccountId, f.Path });
        e.HasIndex(f => f.KeptUntil);
    }
}
