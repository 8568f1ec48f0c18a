package io.backroom.sampledata.generator;

import io.backroom.sampledata.generator.Vocabulary.Category;
import io.backroom.sampledata.generator.Vocabulary.Country;
import io.backroom.sampledata.generator.Vocabulary.ExpenseCategory;
import io.backroom.sampledata.model.Cashier;
import io.backroom.sampledata.model.Item;
import io.backroom.sampledata.model.PaymentTerms;
import io.backroom.sampledata.model.Region;
import io.backroom.sampledata.model.ReorderPolicy;
import io.backroom.sampledata.model.Role;
import io.backroom.sampledata.model.Store;
import io.backroom.sampledata.model.StoreSizeTier;
import io.backroom.sampledata.model.Supplier;
import io.backroom.sampledata.model.SupplierKind;
import io.backroom.sampledata.model.ToleranceOverride;
import io.backroom.sampledata.model.User;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Generates regions, stores, users, suppliers, items and cashiers. */
final class MasterDataGenerator {
    /** The one password of every demo user (documented in the README). */
    static final String DEMO_PASSWORD = "backroom";
    static final String BASE_CURRENCY = "EUR";

    private static final double[] TIER_WEIGHTS = {35, 40, 20, 5};
    private static final List<PaymentTerms> TERMS = List.of(
            new PaymentTerms("NET 30", 30, Money.ZERO, 0),
            new PaymentTerms("2/10 NET 30", 30, Money.percent(2), 10),
            new PaymentTerms("NET 60", 60, Money.ZERO, 0),
            new PaymentTerms("1/14 NET 45", 45, Money.percent(1), 14),
            new PaymentTerms("NET 14", 14, Money.ZERO, 0),
            new PaymentTerms("3/7 NET 30", 30, Money.percent(3), 7));
    private static final double[] TERM_WEIGHTS = {38, 24, 14, 10, 9, 5};

    private final Preset preset;
    private final LocalDate asOf;
    private final Rng rng;

    MasterDataGenerator(Preset preset, LocalDate asOf, Rng rng) {
        this.preset = preset;
        this.asOf = asOf;
        this.rng = rng;
    }

    Retailer generate() {
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < Vocabulary.REGION_NAMES.size(); i++) {
            regions.add(new Region("R" + (i + 1), Vocabulary.REGION_NAMES.get(i)));
        }
        List<Store> stores = stores(regions, rng.child("stores"));
        List<User> users = users(regions, stores, rng.child("users"));
        Map<String, String> serviceCategories = new LinkedHashMap<>();
        List<Supplier> suppliers = suppliers(rng.child("suppliers"), serviceCategories);
        List<Item> items = items(suppliers, rng.child("items"));
        List<Cashier> cashiers = cashiers(stores, rng.child("cashiers"));
        return new Retailer(regions, stores, users, suppliers, items, cashiers, serviceCategories);
    }

    private List<Store> stores(List<Region> regions, Rng r) {
        List<Store> stores = new ArrayList<>();
        int[] perCity = new int[regions.size() * 16];
        for (int i = 1; i <= preset.storeCount(); i++) {
            int region = (i - 1) % regions.size();
            List<String> cities = Vocabulary.REGION_CITIES.get(region);
            int cityIndex = r.nextInt(cities.size());
            String city = cities.get(cityIndex);
            int n = ++perCity[region * 16 + cityIndex];
            StoreSizeTier tier = StoreSizeTier.values()[r.weighted(TIER_WEIGHTS)];
            LocalTime opens = switch (tier) {
                case SMALL -> LocalTime.of(8, 0);
                case MEDIUM -> LocalTime.of(8, 0);
                case LARGE -> LocalTime.of(7, 30);
                case FLAGSHIP -> LocalTime.of(7, 0);
            };
            LocalTime closes = switch (tier) {
                case SMALL -> LocalTime.of(20, 0);
                case MEDIUM -> LocalTime.of(21, 0);
                case LARGE, FLAGSHIP -> LocalTime.of(22, 0);
            };
            int registers = switch (tier) {
                case SMALL -> r.between(2, 3);
                case MEDIUM -> r.between(3, 5);
                case LARGE -> r.between(5, 8);
                case FLAGSHIP -> r.between(8, 12);
            };
            String name = city + " " + (n == 1 ? "Centrum" : List.of("Noord", "Zuid", "Oost", "West", "Station",
                    "Haven", "Markt", "Park").get((n - 2) % 8) + (n > 9 ? " " + n : ""));
            stores.add(new Store(String.format(Locale.ROOT, "S%03d", i), name, regions.get(region).id(), city, tier,
                    opens, closes, registers, asOf.minusDays(r.between(200, 9000))));
        }
        return stores;
    }

    private static String personName(Rng r) {
        return r.pick(Vocabulary.FIRST_NAMES) + " " + r.pick(Vocabulary.LAST_NAMES);
    }

    private List<User> users(List<Region> regions, List<Store> stores, Rng r) {
        List<User> users = new ArrayList<>();
        UserFactory f = new UserFactory(users, r);
        f.add("admin", List.of(Role.ADMIN), null, null, 0);
        f.add("ap.clerk", List.of(Role.AP_CLERK), null, null, 10_000);
        for (int i = 2; i <= 6; i++) {
            f.add("ap.clerk" + i, List.of(Role.AP_CLERK), null, null, 10_000);
        }
        f.add("ap.supervisor", List.of(Role.AP_SUPERVISOR, Role.AP_CLERK), null, null, 100_000);
        f.add("ap.supervisor2", List.of(Role.AP_SUPERVISOR, Role.AP_CLERK), null, null, 100_000);
        f.add("lp.analyst", List.of(Role.LP_ANALYST), null, null, 0);
        for (int i = 2; i <= 4; i++) {
            f.add("lp.analyst" + i, List.of(Role.LP_ANALYST), null, null, 0);
        }
        f.add("integration", List.of(Role.INTEGRATION_ANALYST), null, null, 0);
        f.add("integration2", List.of(Role.INTEGRATION_ANALYST), null, null, 0);
        f.add("director", List.of(Role.DIRECTOR), null, null, 250_000);
        f.add("director2", List.of(Role.DIRECTOR), null, null, 250_000);
        for (int i = 1; i <= 5; i++) {
            f.add("buyer" + i, List.of(Role.BUYER), null, null, 50_000);
        }
        for (Region region : regions) {
            String key = region.name().toLowerCase(Locale.ROOT);
            f.add("rm." + key, List.of(Role.REGIONAL_MANAGER), region.id(), null, 25_000);
            f.add("rm." + key + "2", List.of(Role.REGIONAL_MANAGER), region.id(), null, 10_000);
        }
        for (Store store : stores) {
            f.add("sm." + store.id().toLowerCase(Locale.ROOT), List.of(Role.STORE_MANAGER), store.regionId(),
                    store.id(), 2_500);
        }
        // appended after every other user so that the ids and names drawn before them do not move
        f.add("lp.lead", List.of(Role.LP_LEAD, Role.LP_ANALYST), null, null, 0);
        f.add("finance.lead", List.of(Role.FINANCE_LEAD), null, null, 0);
        f.add("merch", List.of(Role.MERCHANDISER), null, null, 0);
        return users;
    }

    /** Builds users with sequential ids and generated names. */
    private static final class UserFactory {
        private final List<User> users;
        private final Rng r;

        UserFactory(List<User> users, Rng r) {
            this.users = users;
            this.r = r;
        }

        void add(String username, List<Role> roles, String regionId, String storeId, int limit) {
            String name = personName(r);
            String email = username + "@backroom-retail.example";
            users.add(new User(String.format(Locale.ROOT, "U%04d", users.size() + 1), username, name, email, roles,
                    regionId, storeId, BigDecimal.valueOf(limit).setScale(2), BASE_CURRENCY, DEMO_PASSWORD));
        }
    }

    private List<Supplier> suppliers(Rng r, Map<String, String> serviceCategories) {
        List<Supplier> suppliers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        double[] countryWeights = Vocabulary.COUNTRIES.stream().mapToDouble(Country::weight).toArray();
        for (int i = 0; i < preset.merchandiseSuppliers(); i++) {
            Country c = Vocabulary.COUNTRIES.get(r.weighted(countryWeights));
            String name = uniqueName(names, r.pick(c.nameStems()) + " " + r.pick(Vocabulary.SUPPLIER_TRADES) + " "
                    + r.pick(c.legalForms()), c, r);
            suppliers.add(supplier(suppliers.size() + 1, name, SupplierKind.MERCHANDISE, c, r));
        }
        List<Country> local = Vocabulary.COUNTRIES.stream()
                .filter(c -> List.of("NL", "BE", "DE").contains(c.code())).toList();
        for (int i = 0; i < preset.serviceSuppliers(); i++) {
            ExpenseCategory category = Vocabulary.EXPENSES.get(i % Vocabulary.EXPENSES.size());
            Country c = i % 5 == 4 ? r.pick(local) : Vocabulary.COUNTRIES.stream()
                    .filter(x -> x.code().equals("NL")).findFirst().orElseThrow();
            String trade = switch (category.name()) {
                case "UTILITIES" -> "Energie";
                case "MAINTENANCE" -> "Technical Services";
                case "CLEANING" -> "Schoonmaak";
                case "SECURITY" -> "Security";
                case "MARKETING" -> "Media";
                case "IT" -> "IT Services";
                case "FREIGHT" -> "Transport";
                default -> "Recycling";
            };
            String name = uniqueName(names, r.pick(Vocabulary.SERVICE_STEMS) + " " + trade + " "
                    + r.pick(c.legalForms()), c, r);
            Supplier s = supplier(suppliers.size() + 1, name, SupplierKind.SERVICES, c, r);
            suppliers.add(s);
            serviceCategories.put(s.id(), category.name());
        }
        return suppliers;
    }

    private static String uniqueName(Set<String> names, String candidate, Country c, Rng r) {
        String name = candidate;
        while (!names.add(name)) {
            name = candidate.replaceFirst(" ", " " + r.pick(c.cities()) + " ");
            candidate = name;
        }
        return name;
    }

    private Supplier supplier(int n, String name, SupplierKind kind, Country c, Rng r) {
        String id = String.format(Locale.ROOT, "SUP-%04d", n);
        PaymentTerms terms = TERMS.get(r.weighted(TERM_WEIGHTS));
        double reliability = Math.min(0.995, Math.max(0.6, 0.93 + 0.05 * r.gaussian()));
        String risk = reliability > 0.92 ? "LOW" : reliability > 0.85 ? "MEDIUM" : "HIGH";
        boolean blocked = kind == SupplierKind.MERCHANDISE && r.chance(0.03);
        ToleranceOverride override = kind == SupplierKind.MERCHANDISE && r.chance(0.15)
                ? new ToleranceOverride(Money.percent(r.pick(3.0, 4.0, 5.0)), Money.percent(r.pick(0.0, 5.0, 10.0)),
                        Money.percent(r.pick(2.0, 5.0)))
                : null;
        String city = r.pick(c.cities());
        String postal = switch (c.code()) {
            case "GB" -> r.code(2) + r.between(1, 20) + " " + r.between(1, 9) + r.code(2);
            case "NL" -> r.between(1000, 9999) + " " + r.code(2).replaceAll("[0-9]", "A");
            case "US" -> String.format(Locale.ROOT, "%05d", r.between(10000, 99999));
            case "IE" -> "D" + String.format(Locale.ROOT, "%02d", r.between(1, 24)) + " " + r.code(4);
            case "AT", "BE" -> String.valueOf(r.between(1000, 9999));
            default -> String.format(Locale.ROOT, "%05d", r.between(10000, 99999));
        };
        String street = streetFor(c.language(), r);
        String vat = c.code().equals("US") ? "EIN " + r.between(10, 99) + "-" + r.between(1000000, 9999999)
                : c.code() + digits(r, c.code().equals("NL") ? 9 : c.code().equals("GB") ? 9 : 10)
                        + (c.code().equals("NL") ? "B01" : "");
        String iban = c.code().equals("US") ? "ACH " + digits(r, 9) + " / " + digits(r, 10)
                : c.code() + digits(r, 2) + " " + r.code(4).replaceAll("[0-9]", "X") + " " + digits(r, 4) + " "
                        + digits(r, 4) + " " + digits(r, 2);
        return new Supplier(id, name, kind, c.code(), c.language(), c.currency(), vat, iban, street, city, postal,
                terms, Money.percent(c.vatRate()), new BigDecimal(reliability).setScale(3, RoundingMode.HALF_UP),
                risk, blocked, override);
    }

    private static String digits(Rng r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    private static String streetFor(String language, Rng r) {
        int no = r.between(1, 240);
        return switch (language) {
            case "fr" -> no + " " + r.pick("rue de la Paix", "avenue Jean Jaurès", "boulevard Voltaire",
                    "rue du Commerce", "chemin des Vignes");
            case "de" -> r.pick("Hauptstraße", "Industriestraße", "Am Hafen", "Bahnhofstraße", "Lindenweg") + " "
                    + no;
            case "nl" -> r.pick("Industrieweg", "Havenstraat", "Kanaalweg", "Marktplein", "Nijverheidsweg") + " "
                    + no;
            case "es" -> r.pick("Calle Mayor", "Avenida de la Constitución", "Polígono Industrial Norte",
                    "Calle del Puerto") + ", " + no;
            default -> no + " " + r.pick("Station Road", "High Street", "Commerce Way", "Mill Lane",
                    "Industrial Park Drive");
        };
    }

    private List<Item> items(List<Supplier> suppliers, Rng r) {
        List<Category> categories = Vocabulary.CATEGORIES;
        double[] popularity = categories.stream().mapToDouble(Category::popularity).toArray();
        Map<String, List<Supplier>> byCategory = new LinkedHashMap<>();
        List<Supplier> merchandise = suppliers.stream().filter(s -> s.kind() == SupplierKind.MERCHANDISE).toList();
        for (int i = 0; i < merchandise.size(); i++) {
            Supplier s = merchandise.get(i);
            int count = r.between(1, 3);
            for (int k = 0; k < count; k++) {
                Category c = k == 0 ? categories.get(i % categories.size()) : categories.get(r.weighted(popularity));
                List<Supplier> list = byCategory.computeIfAbsent(c.name(), x -> new ArrayList<>());
                if (!list.contains(s)) {
                    list.add(s);
                }
            }
        }
        List<Item> items = new ArrayList<>();
        for (int i = 1; i <= preset.itemCount(); i++) {
            Category c = categories.get(r.weighted(popularity));
            List<Supplier> candidates = byCategory.get(c.name());
            Supplier s = candidates == null ? r.pick(merchandise) : r.pick(candidates);
            String name = r.pick(c.descriptors()) + " " + r.pick(c.nouns()) + " " + r.pick("", "", "250g", "500g",
                    "1kg", "2-Pack", "Large", "Small", "Multipack", "Refill").trim();
            double eurCost = StrictMath.exp(r.uniform(StrictMath.log(c.minCost()), StrictMath.log(c.maxCost())));
            double fx = switch (s.currency()) {
                case "GBP" -> 0.86;
                case "USD" -> 1.08;
                default -> 1.0;
            };
            BigDecimal cost = Money.cents(eurCost * fx);
            double retail = Math.ceil(eurCost * r.uniform(1.35, 2.1) * 1.09 * 10) / 10 - 0.01;
            List<ReorderPolicy> policies = new ArrayList<>();
            int base = r.between(6, 24);
            for (StoreSizeTier tier : StoreSizeTier.values()) {
                double scale = switch (tier) {
                    case SMALL -> 0.6;
                    case MEDIUM -> 1.0;
                    case LARGE -> 1.6;
                    case FLAGSHIP -> 2.5;
                };
                int point = Math.max(2, (int) Math.round(base * scale));
                policies.add(new ReorderPolicy(tier, point, Math.max(6, (int) Math.round(point * r.uniform(1.5, 3)))));
            }
            items.add(new Item(String.format(Locale.ROOT, "ITM-%05d", i), String.format(Locale.ROOT, "%08d",
                    10_000_000 + i * 37), name, c.name(), c.unit(), cost, Money.cents(Math.max(0.49, retail)),
                    s.id(), r.code(2) + "-" + r.between(1000, 99999), List.copyOf(policies)));
        }
        return items;
    }

    private List<Cashier> cashiers(List<Store> stores, Rng r) {
        List<Cashier> cashiers = new ArrayList<>();
        for (Store store : stores) {
            int count = switch (store.sizeTier()) {
                case SMALL -> r.between(7, 9);
                case MEDIUM -> r.between(10, 14);
                case LARGE -> r.between(16, 20);
                case FLAGSHIP -> r.between(26, 30);
            };
            for (int i = 1; i <= count; i++) {
                LocalDate hired = r.chance(0.08) ? asOf.minusDays(r.between(3, 40))
                        : asOf.minusDays(r.between(41, 2500));
                cashiers.add(new Cashier(String.format(Locale.ROOT, "C-%s-%02d", store.id(), i), store.id(),
                        personName(r), hired));
            }
        }
        return cashiers;
    }
}
