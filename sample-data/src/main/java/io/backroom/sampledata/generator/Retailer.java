package io.backroom.sampledata.generator;

import io.backroom.sampledata.model.Cashier;
import io.backroom.sampledata.model.Item;
import io.backroom.sampledata.model.Region;
import io.backroom.sampledata.model.Role;
import io.backroom.sampledata.model.Store;
import io.backroom.sampledata.model.Supplier;
import io.backroom.sampledata.model.SupplierKind;
import io.backroom.sampledata.model.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The retailer's master data, held in memory while transactions are generated. Lists keep generation order;
 * maps are used for lookup only, never iterated.
 */
final class Retailer {
    final List<Region> regions;
    final List<Store> stores;
    final List<User> users;
    final List<Supplier> suppliers;
    final List<Item> items;
    final List<Cashier> cashiers;

    final List<Supplier> merchandiseSuppliers = new ArrayList<>();
    final List<Supplier> serviceSuppliers = new ArrayList<>();
    final Map<String, Supplier> supplierById = new HashMap<>();
    final Map<String, Store> storeById = new HashMap<>();
    final Map<String, Item> itemById = new HashMap<>();
    final Map<String, List<Item>> itemsBySupplier = new HashMap<>();
    final Map<String, List<Cashier>> cashiersByStore = new HashMap<>();
    final Map<String, User> storeManagerByStore = new HashMap<>();
    final Map<String, List<User>> regionalManagersByRegion = new HashMap<>();
    final Map<String, String> serviceCategoryBySupplier;
    final List<User> apClerks = new ArrayList<>();
    final List<User> apSupervisors = new ArrayList<>();
    final List<User> buyers = new ArrayList<>();
    final List<User> directors = new ArrayList<>();

    Retailer(List<Region> regions, List<Store> stores, List<User> users, List<Supplier> suppliers, List<Item> items,
            List<Cashier> cashiers, Map<String, String> serviceCategoryBySupplier) {
        this.regions = List.copyOf(regions);
        this.stores = List.copyOf(stores);
        this.users = List.copyOf(users);
        this.suppliers = List.copyOf(suppliers);
        this.items = List.copyOf(items);
        this.cashiers = List.copyOf(cashiers);
        this.serviceCategoryBySupplier = Map.copyOf(serviceCategoryBySupplier);
        for (Supplier s : suppliers) {
            supplierById.put(s.id(), s);
            (s.kind() == SupplierKind.MERCHANDISE ? merchandiseSuppliers : serviceSuppliers).add(s);
        }
        for (Store s : stores) {
            storeById.put(s.id(), s);
        }
        for (Item i : items) {
            itemById.put(i.id(), i);
            itemsBySupplier.computeIfAbsent(i.supplierId(), k -> new ArrayList<>()).add(i);
        }
        for (Cashier c : cashiers) {
            cashiersByStore.computeIfAbsent(c.storeId(), k -> new ArrayList<>()).add(c);
        }
        for (User u : users) {
            if (u.roles().contains(Role.STORE_MANAGER)) {
                storeManagerByStore.put(u.storeId(), u);
            }
            if (u.roles().contains(Role.REGIONAL_MANAGER)) {
                regionalManagersByRegion.computeIfAbsent(u.regionId(), k -> new ArrayList<>()).add(u);
            }
            if (u.roles().contains(Role.AP_CLERK) && !u.roles().contains(Role.AP_SUPERVISOR)) {
                apClerks.add(u);
            }
            if (u.roles().contains(Role.AP_SUPERVISOR)) {
                apSupervisors.add(u);
            }
            if (u.roles().contains(Role.BUYER)) {
                buyers.add(u);
            }
            if (u.roles().contains(Role.DIRECTOR)) {
                directors.add(u);
            }
        }
    }

    Supplier supplier(String id) {
        return supplierById.get(id);
    }

    Store store(String id) {
        return storeById.get(id);
    }

    Item item(String id) {
        return itemById.get(id);
    }

    /** Merchandise suppliers that are not blocked and have items. */
    List<Supplier> activeMerchandiseSuppliers() {
        List<Supplier> active = new ArrayList<>();
        for (Supplier s : merchandiseSuppliers) {
            if (!s.blocked() && itemsBySupplier.containsKey(s.id())) {
                active.add(s);
            }
        }
        return active;
    }
}
