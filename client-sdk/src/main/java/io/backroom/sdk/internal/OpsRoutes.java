package io.backroom.sdk.internal;

import io.backroom.api.model.AuditBatch;
import io.backroom.api.model.DecisionRequest;
import io.backroom.api.model.NewGoodsReceipt;
import io.backroom.api.model.NewInvoice;
import io.backroom.api.model.NewPurchaseOrder;
import io.backroom.api.model.TolerancePolicy;
import java.util.Map;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.QueryMap;
import retrofit2.http.Streaming;

/**
 * The routes of the Ops API contract ({@code openapi.yaml}), as Retrofit declarations. Bodies come back
 * raw: {@link Transport} reads them, so it can tell a broken connection from a malformed answer.
 */
interface OpsRoutes {
    String KEY = "Idempotency-Key";
    String IF_MATCH = "If-Match";

    @POST("api/v1/auth/logout")
    Call<ResponseBody> logout(@Header(KEY) String idempotencyKey);

    @GET("api/v1/me")
    Call<ResponseBody> me();

    @GET("api/v1/stores")
    Call<ResponseBody> listStores(@QueryMap Map<String, String> query);

    @GET("api/v1/stores/{id}")
    Call<ResponseBody> getStore(@Path("id") String id);

    @GET("api/v1/suppliers")
    Call<ResponseBody> listSuppliers(@QueryMap Map<String, String> query);

    @GET("api/v1/suppliers/{id}")
    Call<ResponseBody> getSupplier(@Path("id") String id);

    @GET("api/v1/items")
    Call<ResponseBody> listItems(@QueryMap Map<String, String> query);

    @GET("api/v1/items/{id}")
    Call<ResponseBody> getItem(@Path("id") String id);

    @GET("api/v1/users")
    Call<ResponseBody> listUsers(@QueryMap Map<String, String> query);

    @GET("api/v1/users/{id}")
    Call<ResponseBody> getUser(@Path("id") String id);

    @POST("api/v1/purchase-orders")
    Call<ResponseBody> createPurchaseOrder(@Body NewPurchaseOrder order, @Header(KEY) String idempotencyKey);

    @GET("api/v1/purchase-orders")
    Call<ResponseBody> listPurchaseOrders(@QueryMap Map<String, String> query);

    @GET("api/v1/purchase-orders/{id}")
    Call<ResponseBody> getPurchaseOrder(@Path("id") String id);

    @POST("api/v1/goods-receipts")
    Call<ResponseBody> createGoodsReceipt(@Body NewGoodsReceipt receipt, @Header(KEY) String idempotencyKey);

    @GET("api/v1/goods-receipts")
    Call<ResponseBody> listGoodsReceipts(@QueryMap Map<String, String> query);

    @GET("api/v1/goods-receipts/{id}")
    Call<ResponseBody> getGoodsReceipt(@Path("id") String id);

    @POST("api/v1/invoices")
    Call<ResponseBody> createInvoice(@Body NewInvoice invoice, @Header(KEY) String idempotencyKey);

    @GET("api/v1/invoices")
    Call<ResponseBody> listInvoices(@QueryMap Map<String, String> query);

    @GET("api/v1/invoices/{id}")
    Call<ResponseBody> getInvoice(@Path("id") String id);

    @PATCH("api/v1/invoices/{id}")
    Call<ResponseBody> correctInvoice(@Path("id") String id, @Header(IF_MATCH) String version,
                                      @Body io.backroom.api.model.InvoiceCorrection correction);

    @GET("api/v1/invoice-details")
    Call<ResponseBody> getInvoiceDetails(@Query("ids") String ids);

    @PUT("api/v1/invoices/{id}/document")
    Call<ResponseBody> putInvoiceDocument(@Path("id") String id, @Header(IF_MATCH) String version, @Body RequestBody pdf);

    @Streaming
    @GET("api/v1/invoices/{id}/document")
    Call<ResponseBody> getInvoiceDocument(@Path("id") String id);

    @POST("api/v1/invoices/{id}/decisions")
    Call<ResponseBody> decideInvoice(@Path("id") String id, @Header(IF_MATCH) String version, @Body DecisionRequest decision,
                                     @Header(KEY) String idempotencyKey);

    @GET("api/v1/policies/tolerances")
    Call<ResponseBody> getTolerances();

    @PUT("api/v1/policies/tolerances")
    Call<ResponseBody> putTolerances(@Header(IF_MATCH) String version, @Body TolerancePolicy policy);

    @POST("api/v1/audit-events")
    Call<ResponseBody> appendAuditEvents(@Body AuditBatch batch, @Header(KEY) String idempotencyKey);

    @GET("api/v1/audit-events")
    Call<ResponseBody> listAuditEvents(@QueryMap Map<String, String> query);

    @GET("api/v1/events")
    Call<ResponseBody> listChangeEvents(@QueryMap Map<String, String> query);

    @GET("api/v1/metrics/ap")
    Call<ResponseBody> getApMetrics();
}
