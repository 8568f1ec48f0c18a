package io.backroom.gateway.adapter.sandbox;

import io.backroom.api.model.Item;
import io.backroom.api.model.Role;
import io.backroom.api.model.Store;
import io.backroom.api.model.Supplier;
import io.backroom.api.model.User;
import io.backroom.gateway.auth.PasswordHasher;
import io.backroom.gateway.store.Sql;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * Loads master data into the sandbox ERP: what a nightly master-data sync would do against a real ERP. Used by
 * seeding and by tests; not exposed over HTTP (the Ops API reads master data, it does not own it).
 */
public final class MasterDataWriter {
    private final Sql tx;

    public MasterDataWriter(Sql tx) {
        this.tx = tx;
    }

    /** Adds or replaces a user; {@code password} is hashed here, {@code null} for a user who cannot sign in. */
    public void user(User u, PasswordHasher.Hashed password) throws SQLException {
        tx.update("DELETE FROM users WHERE id = ?", u.id());
        String currency = u.approvalLimit() != null ? u.approvalLimit().currency()
                : u.releaseLimit() != null ? u.releaseLimit().currency() : "EUR";
        tx.update("INSERT INTO users (id, username, display_name, email, roles, region_id, store_id, release_limit, "
                        + "approval_limit, currency, password_hash, password_salt, password_iterations) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                u.id(), u.username(), u.displayName(), u.email(),
                u.roles().stream().map(Role::name).collect(Collectors.joining(",")), u.regionId(), u.storeId(),
                u.releaseLimit() == null ? null : u.releaseLimit().amount(),
                u.approvalLimit() == null ? BigDecimal.ZERO : u.approvalLimit().amount(), currency,
                password == null ? null : password.hash(), password == null ? null : password.salt(),
                password == null ? null : password.iterations());
    }

    public void store(Store s) throws SQLException {
        tx.update("DELETE FROM stores WHERE id = ?", s.id());
        tx.update("INSERT INTO stores (id, name, region_id, city, size_tier) VALUES (?,?,?,?,?)", s.id(), s.name(),
                s.regionId(), s.city(), s.sizeTier());
    }

    public void supplier(Supplier s) throws SQLException {
        tx.update("DELETE FROM suppliers WHERE id = ?", s.id());
        tx.update("INSERT INTO suppliers (id, name, kind, country, currency, terms_code, net_days, discount_percent, "
                        + "discount_days, tax_rate, risk, blocked) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                s.id(), s.name(), s.kind(), s.country(), s.currency(),
                s.paymentTerms() == null ? null : s.paymentTerms().code(),
                s.paymentTerms() == null ? 30 : s.paymentTerms().netDays(),
                s.paymentTerms() == null ? BigDecimal.ZERO : s.paymentTerms().discountPercent(),
                s.paymentTerms() == null ? 0 : s.paymentTerms().discountDays(),
                s.taxRate() == null ? BigDecimal.ZERO : s.taxRate(), s.risk(), s.blocked());
    }

    public void item(Item i) throws SQLException {
        tx.update("DELETE FROM items WHERE id = ?", i.id());
        tx.update("INSERT INTO items (id, sku, name, category, unit, cost, currency, supplier_id) VALUES (?,?,?,?,?,?,?,?)",
                i.id(), i.sku(), i.name(), i.category(), i.unit(), i.cost() == null ? null : i.cost().amount(),
                i.cost() == null ? null : i.cost().currency(), i.supplierId());
    }
}
