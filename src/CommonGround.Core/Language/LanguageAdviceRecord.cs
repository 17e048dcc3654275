using CommonGround.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Language;

/// <summary>
/// That the advisor found a phrase in something a member of an organisation wrote, and whether they saved it anyway.
/// Only the category is kept, never the text or who wrote it: organisations see counts, nothing more.
/// </summary>
public sealed class LanguageAdviceRecord
{
    public Guid Id { get; init; } = Ids.New();
    public required Guid OrganisationId { get; init; }
    public required LanguageCategory Category { get; init; }
    /// <summary>True when the writer saved the text with the phrase still in it.</summary>
    public required bool SavedAnyway { get; init; }
    public required DateOnly Date { get; init; }
}

public sealed class LanguageAdviceRecordConfiguration : IEntityTypeConfiguration<LanguageAdviceRecord>
{
    public void Configure(EntityTypeBuilder<LanguageAdviceRecord> e)
    {
        e.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(r => new { r.OrganisationId, r.Date });
    }
}
