using CommonGround.Core.Children;
using CommonGround.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using CommonGround.Core.Accounts;

namespace CommonGround.Core.Concerns;

/// <summary>
/// A thread of messages between the family and the team about a child, on its own or about one concern. Messages are
/// never changed or deleted; who has read what is kept per person, so everyone can see their words were read.
/// </summary>
public sealed class Conversation
{
    public const int MaxSubjectLength = 120;

    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required Guid AreaId { get; init; }
    public required string Subject { get; init; }
    /// <summary>The concern the conversation is about, if any; a concern has at most one.</summary>
    public Guid? ConcernId { get; init; }
    public required DateTime StartedAt { get; init; }
    public required Guid StartedByUserId { get; init; }
    public required string StartedByName { get; init; }
    public required DateTime LastMessageAt { get; set; }
    public int MessageCount { get; set; }
}

public sealed class Message
{
    public const int MaxTextLength = 4000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid ConversationId { get; init; }
    public required Guid ChildId { get; init; }
    public required Guid AuthorUserId { get; init; }
    public required string AuthorName { get; init; }
    /// <summary>The author's organisation, or null for the family.</summary>
    public string? AuthorOrganisationName { get; init; }
    public required bool ByFamily { get; init; }
    public required string Text { get; init; }
    public required DateTime SentAt { get; init; }
}

/// <summary>How far one person has read a conversation: every message sent up to then counts as read by them.</summary>
public sealed class ConversationRead
{
    public required Guid ConversationId { get; init; }
    public required Guid UserAccountId { get; init; }
    public required string ReaderName { get; set; }
    public required DateTime ReadUpTo { get; set; }
}

public sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> e)
    {
        e.Property(c => c.Subject).HasMaxLength(Conversation.MaxSubjectLength);
        e.Property(c => c.StartedByName).HasMaxLength(200);
        e.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Area>().WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Concern>().WithMany().HasForeignKey(c => c.ConcernId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(c => new { c.ChildId, c.LastMessageAt });
        // A concern has at most one conversation, so two people starting one at once end up in the same thread.
        e.HasIndex(c => c.ConcernId).IsUnique();
    }
}

public sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> e)
    {
        e.Property(m => m.Text).HasMaxLength(Message.MaxTextLength);
        e.Property(m => m.AuthorName).HasMaxLength(200);
        e.Property(m => m.AuthorOrganisationName).HasMaxLength(200);
        e.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(m => new { m.ConversationId, m.SentAt });
        // Early warnings ask for each child's latest message after every change: read from here, not from every message.
        e.HasIndex(m => new { m.ChildId, m.SentAt });
    }
}

public sealed class ConversationReadConfiguration : IEntityTypeConfiguration<ConversationRead>
{
    public void Configure(EntityTypeBuilder<ConversationRead> e)
    {
        e.HasKey(r => new { r.ConversationId, r.UserAccountId });
        e.Property(r => r.ReaderName).HasMaxLength(200);
        e.HasOne<Conversation>().WithMany().HasForeignKey(r => r.ConversationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<UserAccount>().WithMany().HasForeignKey(r => r.UserAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
