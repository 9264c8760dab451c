// Writes the tempest.conf `npm run test:conformance` runs Tempest with: dynamic credentials
// (Tempest creates a project and user per test class through Keystone's admin API, as on a real
// cloud), no Nova, Neutron or Swift, the volume service as the target's catalog lists it, with its
// backends (multi-backend and manage tests on where the target has what they need).
import { writeFileSync } from 'node:fs';

/**
 * @param {object} target
 * @param {string} target.authUrl Keystone v3, e.g. http://127.0.0.1:5000/v3
 * @param {string} target.adminPassword
 * @param {string} target.maxMicroversion highest volume microversion the target serves
 * @param {number} target.buildTimeout seconds Tempest waits for a status
 * @param {string} target.logFile
 * @param {string | undefined} target.imageRef an active image for the volume-from-image tests
 * @param {string} target.storageProtocol the backend's, for the type tests' extra specs
 * @param {string} target.vendorName
 * @param {string[]} target.backendNames the pools' `volume_backend_name`s: two or more turn the
 *   multi-backend tests on (types per backend, retype with migration between them)
 */
export function tempestConf(target) {
  const {
    authUrl,
    adminPassword,
    maxMicroversion,
    buildTimeout,
    logFile,
    imageRef,
    storageProtocol,
    vendorName,
    backendNames,
  } = target;
  return `[DEFAULT]
log_file = ${logFile}
use_stderr = false

[auth]
use_dynamic_credentials = true
create_isolated_networks = false
admin_username = admin
admin_password = ${adminPassword}
admin_project_name = admin
admin_domain_name = Default
default_credentials_domain_name = Default

[identity]
uri_v3 = ${authUrl}
auth_version = v3
region = RegionOne
disable_ssl_certificate_validation = true

[identity-feature-enabled]
api_v2 = false
api_v3 = true

[service_available]
cinder = true
glance = true
nova = false
neutron = false
swift = false
horizon = false

[volume]
catalog_type = volumev3
endpoint_type = publicURL
region = RegionOne
build_interval = 1
build_timeout = ${buildTimeout}
min_microversion = 3.0
max_microversion = ${maxMicroversion}
volume_size = 1
storage_protocol = ${storageProtocol}
vendor_name = ${vendorName}
${backendNames.length > 1 ? `backend_names = ${backendNames.join(',')}` : '# one backend: no multi-backend tests'}
# How both targets' drivers name what they hold (the rig's localfile driver and the emulator's LVM-like one).
manage_volume_ref = source-name,volume-%s
manage_snapshot_ref = source-name,snapshot-%s

[volume-feature-enabled]
backup = true
snapshot = true
clone = true
manage_volume = true
manage_snapshot = true
multi_backend = ${backendNames.length > 1}
extend_attached_volume = false
extend_attached_encrypted_volume = false
volume_revert = true

[compute]
${imageRef ? `image_ref = ${imageRef}` : '# no active image found: the volume-from-image tests fail'}

[image]
region = RegionOne
endpoint_type = publicURL
build_interval = 1
build_timeout = ${buildTimeout}

[image-feature-enabled]
api_v1 = false
api_v2 = true
`;
}

export function writeTempestConf(path, target) {
  writeFileSync(path, tempestConf(target));
}
