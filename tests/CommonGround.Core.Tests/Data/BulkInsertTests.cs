using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Tests.Data;

public sealed class BulkInsertTests
{
    [Fact]
    public async Task Many_rows_are_written_exactly_as_the_model_maps_them_and_only_when_the_transaction_commits()
    {
        await using var database = await TestDatabase.CreateAsync();
        var now = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        var area = new Area { Name = "Testshire", Code = "TS", CreatedAt = now };
        var child = new Child { AreaId = area.Id, FirstName = "Sam", LastName = "Morgan", DateOfBirth = new DateOnly(2016, 5, 1), CreatedAt = now };
        await using (var db = database.CreateContext())
        {
            db.AddRange(area, child);
            await db.SaveChangesAsync();
        }

        var organisation = Guid.NewGuid();
        var rows = Enumerable.Range(0, BulkInsert.CopyFrom + 100).Select(i => new AttentionSignal
        {
            ChildId = child.Id, AreaId = area.Id, Kind = i % 2 == 0 ? AttentionSignalKind.ConcernOverdue : AttentionSignalKind.NoContact, SubjectKey = $"subject-{i}",
            SubjectId = i % 2 == 0 ? Guid.NewGuid() : null, Reason = $"Reason {i}", Link = $"/children/{child.Id}", RecordArea = i % 2 == 0 ? RecordArea.Concerns : null,
            AboutArea = i % 2 == 0 ? RecordArea.Education : null, OrganisationId = i % 2 == 0 ? organisation : null, Measure = i,
            DueOn = i % 2 == 0 ? new DateOnly(2026, 11, 25) : null, SinceOn = i % 2 == 0 ? null : new DateOnly(2026, 10, 1).AddDays(i % 50),
            ReasonEnd = i % 2 == 0 ? $". End {i}" : null, ComputedAt = now,
        }).ToList();

        await using (var db = database.CreateContext())
        {
            await using (var rolledBack = await db.Database.BeginTransactionAsync())
            {
                await BulkInsert.AddAsync(db, rows, CancellationToken.None);
                await db.SaveChangesAsync();
            }

            db.ChangeTracker.Clear();
            Assert.Equal(0, await db.AttentionSignals.CountAsync());

            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkInsert.AddAsync(db, rows, CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await using (var db = database.CreateContext())
        {
            var read = await db.AttentionSignals.AsNoTracking().ToDictionaryAsync(s => s.Id);
            Assert.Equal(rows.Count, read.Count);
            // Keys, dates and names are stored as the model stores them, so queries on them find the rows.
            Assert.Equal(rows.Count, await db.AttentionSignals.CountAsync(s => s.ChildId == child.Id));
            Assert.Equal(rows.Count / 2, await db.AttentionSignals.CountAsync(s => s.OrganisationId == organisation && s.Kind == AttentionSignalKind.ConcernOverdue && s.DueOn == new DateOnly(2026, 11, 25)));
            Assert.Equal(1, await db.AttentionSignals.CountAsync(s => s.Id == rows[7].Id && s.ComputedAt == now));
            foreach (var row in rows)
            {
                var back = read[row.Id];
                Assert.Equal((row.ChildId, row.AreaId, row.Kind, row.SubjectKey, row.SubjectId, row.Reason, row.Link), (back.ChildId, back.AreaId, back.Kind, back.SubjectKey, back.SubjectId, back.Reason, back.Link));
                Assert.Equal((row.RecordArea, row.AboutArea, row.OrganisationId, row.Measure, row.DueOn, row.ComputedAt), (back.RecordArea, back.AboutArea, back.OrganisationId, back.Measure, back.DueOn, back.ComputedAt));
                Assert.Equal((row.SinceOn, row.ReasonEnd), (back.SinceOn, back.ReasonEnd));
                Assert.Equal(DateTimeKind.Utc, back.ComputedAt.Kind);
            }
        }
    }
}
