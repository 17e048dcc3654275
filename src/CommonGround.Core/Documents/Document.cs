using CommonGround.Core.Access;
using CommonGround.Core.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Documents;

/// <summary>
/// A report or letter kept with a child's record, in the part of the record it belongs to, so only people the family
/// shares that part with see it. Its bytes are kept apart (<see cref="IDocumentStore"/>) so lists never load them; its
/// hash says the file is the one that was added. Taking it out removes the file and keeps the fact that it was there.
/// </summary>
public sealed class Document
{
    public const int MaxTitleLength = 200;
    public const int MaxFileNameLength = 200;

    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required Guid AreaId { get; init; }
    public required RecordArea Part { get; init; }
    public required string Title { get; init; }
    /// <summary>The name it was added with, cleaned of anything a file system or a download header could misread.</summary>
    public required string FileName { get; init; }
    public required DocumentType Type { get; init; }
    public required long SizeBytes { get; init; }
    /// <summary>SHA-256 of the file, in lower-case hex.</summary>
    public required string Sha256 { get; init; }
    public required Guid AddedByUserId { get; init; }
    public required string AddedByName { get; init; }
    public required bool AddedByFamily { get; init; }
    public required DateTime AddedAt { get; init; }
    public DateTime? RemovedAt { get; private set; }
    public string? RemovedByName { get; private set; }

    public bool IsRemoved => RemovedAt is not null;

    /// <summary>Only the person who added it takes it out: a wrong file, or one added to the wrong child.</summary>
    public bool MayBeRemovedBy(Guid userId) => !IsRemoved && AddedByUserId == userId;

    public void Remove(string byName, DateTime now)
    {
        RemovedAt = now;
        RemovedByName = byName;
    }
}

/// <summary>The file itself, kept in the database beside its <see cref="Document"/>.</summary>
public sealed class DocumentContent
{
    public required Guid DocumentId { get; init; }
    public required byte[] Bytes { get; init; }
}

public sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> e)
    {
        e.ToTable("Documents");
        e.Property(d => d.Title).HasMaxLength(Document.MaxTitleLength);
        e.Property(d => d.FileName).HasMaxLength(Document.MaxFileNameLength);
        e.Property(d => d.Sha256).HasMaxLength(64);
        e.Property(d => d.AddedByName).HasMaxLength(200);
        e.Property(d => d.RemovedByName).HasMaxLength(200);
        e.HasOne<Child>().WithMany().HasForeignKey(d => d.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(d => new { d.ChildId, d.AddedAt });
    }
}

public sealed class DocumentContentConfiguration : IEntityTypeConfiguration<DocumentContent>
{
    public void Configure(EntityTypeBuilder<DocumentContent> e)
    {
        e.ToTable("DocumentContents");
        e.HasKey(c => c.DocumentId);
        e.HasOne<Document>().WithOne().HasForeignKey<DocumentContent>(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
