using System.Net;
using CommonGround.Core.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests.Security;

/// <summary>The app as the service runs it, stretching each password as many times as the service does.</summary>
public sealed class ServiceStretchingAppFactory : AppFactory
{
    protected override bool StretchesPasswordsAsTheServiceDoes => true;
}

/// <summary>Passwords are kept stretched as hard as the security standard asks, and sign-in works with them.</summary>
public sealed class PasswordStretchingTests(ServiceStretchingAppFactory app) : IClassFixture<ServiceStretchingAppFactory>
{
    [Fact]
    public async Task Passwords_are_hashed_with_at_least_210000_iterations_and_sign_in_works_with_them()
    {
        var hash = await app.QueryAsync(db => db.Users.Where(u => u.Email == "parent@example.org").Select(u => u.PasswordHash).SingleAsync());
        var bytes = Convert.FromBase64String(hash!);
        // Identity's version 3 format: marker, PRF, iteration count (big-endian), salt length, salt, subkey.
        var iterations = (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
        Assert.Equal(0x01, bytes[0]);
        Assert.True(iterations >= 210_000, $"{iterations} iterations");
        Assert.Equal(AccountKind.Family, await app.QueryAsync(db => db.Users.Where(u => u.Email == "parent@example.org").Select(u => u.Kind).SingleAsync()));

        var client = app.NewClient();
        await client.SignInAsync("parent@example.org");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/children")).StatusCode);
    }
}
